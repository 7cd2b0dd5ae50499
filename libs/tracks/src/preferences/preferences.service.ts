import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory, DepartmentRecords, memberDepartments } from '@samverka/challenges';
import { ProgrammeDirectory, CohortRecords } from '@samverka/programmes';
import { assertVersion, AuditTrail, ConflictError, CurrentActor, isUniqueViolation, NotFoundError, StaleVersionError, ValidationFailedError, AccessPolicy } from '@samverka/platform';
import { Preference, type PreferenceSide } from './preference.entity.js';

/** Rankings are given while the cohort selects or runs. */
const RANKING_STATES = ['selecting', 'running'];

export interface VisiblePreferences {
  /** The caller's own ranking of challenges, when a participant. */
  mine: Preference | null;
  /** Rankings of participants for challenges the caller's departments own (managers: all). */
  challenges: Preference[];
  /** Managers only: every participant's ranking. */
  participants: Preference[];
}

@Injectable()
export class PreferencesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly programmes: ProgrammeDirectory,
    private readonly challenges: ChallengeDirectory,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get preferences() {
    return this.txHost.tx.getRepository(Preference);
  }

  /** A participant ranks the cohort's approved challenges, most wanted first. */
  async rankChallenges(cohortId: string, challengeIds: string[], expectedVersion?: number): Promise<Preference> {
    await this.access.require(CohortRecords, 'participate', cohortId);
    await this.assertRankingOpen(cohortId);
    const approved = new Set((await this.challenges.approvedChallengesOfCohort(cohortId)).map((challenge) => challenge.id));
    assertRanking(challengeIds, approved, 'challengeIds', 'an approved challenge of this cohort');
    return this.save(cohortId, 'participant', this.actor.required.id, challengeIds, expectedVersion);
  }

  /** A department member ranks the cohort's participants for one of the department's challenges. */
  async rankParticipants(cohortId: string, challengeId: string, participantIds: string[], expectedVersion?: number): Promise<Preference> {
    const challenge = (await this.challenges.approvedChallengesOfCohort(cohortId)).find((c) => c.id === challengeId);
    if (!challenge || !(await this.access.allows(DepartmentRecords, 'member', challenge.departmentId))) {
      throw new NotFoundError('Challenge', challengeId);
    }
    await this.assertRankingOpen(cohortId);
    const participants = new Set((await this.programmes.participantsOfCohort(cohortId)).map((participant) => participant.userId));
    assertRanking(participantIds, participants, 'participantIds', 'a participant of this cohort');
    return this.save(cohortId, 'challenge', challengeId, participantIds, expectedVersion);
  }

  /** What the caller may see: their own ranking, their departments' rankings, or (managers) all. */
  async visible(cohortId: string): Promise<VisiblePreferences> {
    const actor = this.actor.required;
    const all = await this.preferences.find({ where: { cohortId }, order: { updatedAt: 'ASC', id: 'ASC' } });
    const manages = await this.access.allows(CohortRecords, 'manage', cohortId);
    if (manages) return { mine: null, challenges: all.filter((p) => p.side === 'challenge'), participants: all.filter((p) => p.side === 'participant') };
    const isParticipant = await this.access.allows(CohortRecords, 'participate', cohortId);
    const myDepartments = new Set(await this.access.caller().get(memberDepartments));
    const ownChallenges = new Set(
      (await this.challenges.approvedChallengesOfCohort(cohortId))
        .filter((challenge) => myDepartments.has(challenge.departmentId))
        .map((challenge) => challenge.id),
    );
    if (!isParticipant && ownChallenges.size === 0) throw new NotFoundError('Cohort', cohortId);
    return {
      mine: all.find((p) => p.side === 'participant' && p.ownerId === actor.id) ?? null,
      challenges: all.filter((p) => p.side === 'challenge' && ownChallenges.has(p.ownerId)),
      participants: [],
    };
  }

  private async assertRankingOpen(cohortId: string): Promise<void> {
    const cohort = await this.programmes.findCohort(cohortId);
    if (!cohort || !RANKING_STATES.includes(cohort.state)) {
      throw new ConflictError('ranking_closed', `Preferences are given while the cohort is selecting or running; it is ${cohort?.state ?? 'unknown'}.`);
    }
  }

  /**
   * The first ranking is simply made; replacing one needs the version it was based on, since
   * a department's members share it and must not overwrite each other unseen.
   */
  private async save(cohortId: string, side: PreferenceSide, ownerId: string, rankedIds: string[], expectedVersion?: number): Promise<Preference> {
    return this.txHost.withTransaction(async () => {
      const existing = await this.preferences.findOne({ where: { cohortId, side, ownerId }, lock: { mode: 'pessimistic_write' } });
      if (existing) assertVersion('ranking', expectedVersion, existing.version);
      let saved: Preference;
      try {
        saved = await this.preferences.save(Object.assign(existing ?? this.preferences.create({ cohortId, side, ownerId }), { rankedIds, updatedBy: this.actor.required.id }));
      } catch (error) {
        // Two first rankings at once: the second was based on none, so it is stale.
        if (isUniqueViolation(error)) throw new StaleVersionError('ranking', 0, 1);
        throw error;
      }
      await this.audit.record({ action: 'preferences.ranked', entityType: 'preference', entityId: saved.id, details: { cohortId, side, ownerId, ranked: rankedIds.length } });
      return saved;
    });
  }
}

function assertRanking(ids: string[], allowed: Set<string>, field: string, what: string): void {
  const errors = ids.flatMap((id, index) => {
    if (!allowed.has(id)) return [{ field: `${field}[${index}]`, message: `${id} is not ${what}` }];
    if (ids.indexOf(id) !== index) return [{ field: `${field}[${index}]`, message: `${id} is ranked twice` }];
    return [];
  });
  if (errors.length) throw new ValidationFailedError(errors);
}
