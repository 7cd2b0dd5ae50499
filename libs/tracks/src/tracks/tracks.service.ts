import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory, type OfferedTestEnvironment } from '@samverka/challenges';
import { assertVersion, AuditTrail, ConflictError, CurrentActor, Lifecycles, paginate, ValidationFailedError, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import { ProgrammeDirectory, type GraduationCriterion } from '@samverka/programmes';
import { In, Not } from 'typeorm';
import { assertStageIn } from './stage-rules.js';
import { TrackRecords } from '../access/track-access.js';
import { PartyDirectory, type PartyLookup, type PartyNames } from '../parties.js';
import { TrackTestSession } from './track-entries.entity.js';
import { trackLifecycle } from './track-lifecycle.js';
import { TrackNotices } from './track-notices.js';
import { ENDED_STAGES, missingForMove, moveAction, openGates, type GateFacts, type GraduationOutcome, type OpenGate, type TrackStage } from './track-stages.js';
import { Track, TrackStageEntry, type TestPlan } from './track.entity.js';

export interface TrackFilter {
  cohortId?: string;
  challengeId?: string;
  departmentId?: string;
  stage?: TrackStage;
  /** Any of these cohorts (for contexts asking about a programme). */
  cohortIds?: string[];
  participantId?: string;
}

/** A manager's decision to move a track: the note says why; graduation and discontinuation bring their record. */
export interface TrackMove {
  to: TrackStage;
  note: string;
  reason?: string;
  outcome?: GraduationOutcome;
  summary?: string;
  /** YYYY-MM-DD; today when left out. */
  graduatedOn?: string;
}

export interface TrackDetails {
  track: Track;
  history: TrackStageEntry[];
  criteria: GraduationCriterion[];
  names: PartyNames;
  /** What each stage still ahead lacks, from the track's record. */
  openGates: OpenGate[];
  /** The test environments the challenge offers, for the test plan and its sessions. */
  testEnvironments: OfferedTestEnvironment[];
  /** Whether the caller decides the track's stages (a manager of its cohort, an admin). */
  mayManage: boolean;
}

/** The test plan can be drawn up and revised until the testing is over. */
const PLANNING_STAGES: readonly TrackStage[] = ['matched', 'co_design', 'test_environment'];

const isEnded = (stage: TrackStage): boolean => ENDED_STAGES.includes(stage);
const today = (): string => new Date().toISOString().slice(0, 10);

@Injectable()
export class TracksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly programmes: ProgrammeDirectory,
    private readonly challenges: ChallengeDirectory,
    private readonly lifecycles: Lifecycles,
    private readonly notices: TrackNotices,
    private readonly parties: PartyDirectory,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get tracks() {
    return this.txHost.tx.getRepository(Track);
  }

  /** The names on a page of tracks, looked up together. */
  namesOf(tracks: readonly Track[]): Promise<PartyLookup> {
    return this.parties.lookUp(tracks);
  }

  async list(filter: TrackFilter, page: PageQueryDto): Promise<Page<Track>> {
    const qb = await this.access.filter(this.tracks.createQueryBuilder('t'), TrackRecords, 'read');
    if (filter.cohortId) qb.andWhere('t.cohort_id = :cohortId', { cohortId: filter.cohortId });
    if (filter.challengeId) qb.andWhere('t.challenge_id = :challengeId', { challengeId: filter.challengeId });
    if (filter.departmentId) qb.andWhere('t.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.stage) qb.andWhere('t.stage = :stage', { stage: filter.stage });
    if (filter.cohortIds) qb.andWhere(filter.cohortIds.length ? 't.cohort_id IN (:...cohortIds)' : 'FALSE', { cohortIds: filter.cohortIds });
    if (filter.participantId) qb.andWhere('t.participant_id = :participantId', { participantId: filter.participantId });
    return paginate(qb, page, { sortColumn: 't.created_at', idColumn: 't.id', direction: 'ASC', keyOf: (t) => [t.createdAt.toISOString(), t.id] });
  }

  /** A cohort completes only once each of its tracks has graduated or been discontinued. */
  async assertAllEnded(cohortId: string): Promise<void> {
    const live = await this.tracks.find({ where: { cohortId, stage: Not(In([...ENDED_STAGES])) }, select: { id: true } });
    if (live.length) {
      throw new ConflictError('tracks_under_way', `${live.length} tracks of the cohort are still under way; graduate or discontinue them first.`, { trackIds: live.map((t) => t.id) });
    }
  }

  async get(trackId: string): Promise<TrackDetails> {
    return this.details(await this.access.require(TrackRecords, 'read', trackId));
  }

  /** Replaces the test plan: the gate into the test environment. The environment must be one the challenge offers. */
  async setTestPlan(trackId: string, expectedVersion: number | undefined, plan: TestPlan): Promise<TrackDetails> {
    return this.txHost.withTransaction(async () => {
      const track = await this.access.require(TrackRecords, 'read', trackId, { lock: 'pessimistic_write' });
      assertVersion('track', expectedVersion, track.version);
      assertStageIn(track, PLANNING_STAGES, 'test_plan_closed', 'The test plan can no longer change');
      if (!(await this.challenges.offeredTestEnvironment(track.challengeId, plan.testEnvironmentId))) {
        throw new ValidationFailedError([{ field: 'testEnvironmentId', message: 'must be a test environment the challenge offers' }]);
      }
      if (plan.endsOn && plan.endsOn < plan.startsOn) throw new ValidationFailedError([{ field: 'endsOn', message: 'endsOn must not be before startsOn', code: 'beforeStart' }]);
      track.testPlan = plan;
      const saved = await this.tracks.save(track);
      await this.audit.record({ action: 'track.test_plan_set', entityType: 'track', entityId: trackId, details: { testEnvironmentId: plan.testEnvironmentId } });
      await this.notices.tell(
        saved,
        'track.test_plan_set',
        { title: { sv: 'Testplanen är uppdaterad', en: 'The test plan was updated' }, body: { sv: `Start ${plan.startsOn}, ${plan.users} användare.`, en: `Starts ${plan.startsOn}, ${plan.users} users.` } },
        { emailToo: false },
      );
      return this.details(saved);
    });
  }

  /** A manager ticks the cohort's graduation criteria the track has met; the list replaces the previous ticks. */
  async tickCriteria(trackId: string, expectedVersion: number | undefined, met: string[]): Promise<TrackDetails> {
    return this.txHost.withTransaction(async () => {
      const track = await this.access.require(TrackRecords, 'manage', trackId, { lock: 'pessimistic_write' });
      assertVersion('track', expectedVersion, track.version);
      if (isEnded(track.stage)) throw new ConflictError('track_ended', `The track is ${track.stage}; its criteria are final.`, { stage: track.stage });
      const keys = new Set((await this.programmes.graduationCriteriaOf(track.cohortId)).map((criterion) => criterion.key));
      const unknown = met.flatMap((key, index) => (keys.has(key) ? [] : [{ field: `met[${index}]`, message: `${key} is not a graduation criterion of the cohort` }]));
      if (unknown.length) throw new ValidationFailedError(unknown);
      track.criteriaMet = [...new Set(met)];
      const saved = await this.tracks.save(track);
      await this.audit.record({ action: 'track.criteria_ticked', entityType: 'track', entityId: trackId, details: { met: saved.criteriaMet } });
      await this.notices.tell(
        saved,
        'track.criteria_ticked',
        { title: { sv: 'Examenskriterier bockade', en: 'Graduation criteria ticked' }, body: { sv: `${saved.criteriaMet.length} av ${keys.size} uppfyllda.`, en: `${saved.criteriaMet.length} of ${keys.size} met.` } },
        { emailToo: false },
      );
      return this.details(saved);
    });
  }

  /**
   * Moves the track one stage on (or ends it) when the gate is met. The row is locked and the
   * version checked, so of two concurrent moves exactly one applies.
   */
  async advance(trackId: string, expectedVersion: number | undefined, move: TrackMove): Promise<TrackDetails> {
    this.assertFieldsFitMove(move);
    return this.txHost.withTransaction(async () => {
      const track = await this.access.require(TrackRecords, 'manage', trackId, { lock: 'pessimistic_write' });
      assertVersion('track', expectedVersion, track.version);
      const from = track.stage;
      // The table first: a move it refuses is 409 invalid_transition, before any gate is weighed.
      trackLifecycle.assertMove(from, move.to);
      const missing = missingForMove(move.to, { ...(await this.gateFacts(track)), ...move });
      if (missing.length) throw new ConflictError('gate_not_met', `The track cannot enter ${move.to} yet; missing: ${missing.join(', ')}.`, { missing });

      const now = new Date();
      const action = moveAction(move.to);
      // What reacts to the move (see track-lifecycle.ts) runs in this transaction, under the track's lock.
      const saved = await this.lifecycles.move(trackLifecycle, { subject: { track }, from, to: move.to, reason: move.reason ?? move.note }, async () => {
        Object.assign(track, { stage: move.to, stageEnteredAt: now });
        if (move.to === 'graduated') Object.assign(track, { graduatedOn: move.graduatedOn ?? today(), outcome: move.outcome, outcomeSummary: move.summary });
        if (move.to === 'discontinued') track.discontinuedReason = move.reason ?? null;
        const moved = await this.tracks.save(track);
        await this.txHost.tx.getRepository(TrackStageEntry).insert({ trackId, fromStage: from, toStage: move.to, note: move.note, actorId: this.actor.required.id, enteredAt: now });
        await this.audit.record({ action, entityType: 'track', entityId: trackId, from, to: move.to, reason: move.reason ?? move.note, subjectId: track.participantId, details: move.outcome ? { outcome: move.outcome } : undefined });
        return moved;
      });
      return this.details(saved);
    });
  }

  private assertFieldsFitMove(move: TrackMove): void {
    const graduationOnly = (['outcome', 'summary', 'graduatedOn'] as const).filter((field) => move.to !== 'graduated' && move[field] !== undefined);
    const stray = [...graduationOnly, ...(move.to !== 'discontinued' && move.reason !== undefined ? ['reason'] : [])];
    if (stray.length) throw new ValidationFailedError(stray.map((field) => ({ field, message: `${field} belongs to a move to ${field === 'reason' ? 'discontinued' : 'graduated'}` })));
  }

  private async gateFacts(track: Track): Promise<GateFacts> {
    return {
      hasTestPlan: track.testPlan !== null,
      testSessions: await this.txHost.tx.getRepository(TrackTestSession).countBy({ trackId: track.id }),
      criteria: (await this.programmes.graduationCriteriaOf(track.cohortId)).map((criterion) => criterion.key),
      criteriaMet: track.criteriaMet,
    };
  }

  private async details(track: Track): Promise<TrackDetails> {
    const history = await this.txHost.tx.getRepository(TrackStageEntry).find({ where: { trackId: track.id }, order: { enteredAt: 'ASC', id: 'ASC' } });
    return {
      track,
      history,
      criteria: await this.programmes.graduationCriteriaOf(track.cohortId),
      names: (await this.parties.lookUp([track])).namesOf(track),
      openGates: openGates(track.stage, await this.gateFacts(track)),
      testEnvironments: await this.challenges.offeredTestEnvironments(track.challengeId),
      mayManage: await this.access.allows(TrackRecords, 'manage', track.id),
    };
  }
}
