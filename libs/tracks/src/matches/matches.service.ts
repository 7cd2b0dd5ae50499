import { Injectable } from '@nestjs/common';
import { CohortRecords } from '@samverka/programmes';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory, isMemberOf } from '@samverka/challenges';
import { AuditTrail, ConflictError, CurrentActor, Lifecycles, NotFoundError, Outbox, paginate, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import { In, LessThan, Not } from 'typeorm';
import { ENDED_STAGES } from '../tracks/track-stages.js';
import { Track } from '../tracks/track.entity.js';
import { matchLifecycle, stateAfterResponse, type MatchSide } from './match-lifecycle.js';
import { LIVE_MATCH_STATES, Match, type MatchResponse, type MatchState } from './match.entity.js';
import { MatchRecords } from '../access/track-access.js';

export interface MatchFilter {
  cohortId?: string;
  state?: MatchState;
  departmentId?: string;
}

/** One pair of a published run, as a proposal to store. */
export interface NewProposal {
  runId: string;
  cohortId: string;
  challengeId: string;
  departmentId: string;
  participantId: string;
  score: number;
  reason: Match['reason'];
}

export interface PublishConflict {
  participantId: string;
  challengeId: string;
  why: 'participant_matched_since' | 'seat_taken' | 'challenge_unavailable';
}

@Injectable()
export class MatchesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly challenges: ChallengeDirectory,
    private readonly lifecycles: Lifecycles,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly actor: CurrentActor,
  ) {}

  private get matches() {
    return this.txHost.tx.getRepository(Match);
  }

  /**
   * Publishing and confirming are serialised per cohort, so two of them can never both take
   * the last seat or the same participant. Held until the transaction ends.
   */
  async lockCohort(cohortId: string): Promise<void> {
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`samverka:cohort-matches:${cohortId}`]);
  }

  /** Refuses (409 `run_outdated`) proposals that conflict with matches made since they were computed; call under `lockCohort`. */
  async assertProposalsStillFree(cohortId: string, pairs: readonly { participantId: string; challengeId: string }[]): Promise<void> {
    const conflicts = await this.proposalConflicts(cohortId, pairs);
    if (conflicts.length) {
      throw new ConflictError('run_outdated', `${conflicts.length} proposed pairs conflict with matches made since the run; run again.`, { conflicts });
    }
  }

  /** Stores a published run's pairs as proposals the two sides answer; `announce` then tells them. */
  saveProposals(proposals: readonly NewProposal[], respondBy?: Date): Promise<Match[]> {
    return this.matches.save(proposals.map((proposal) => this.matches.create({ ...proposal, state: 'proposed', respondBy: respondBy ?? null })));
  }

  /** Records each new proposal and notifies both sides of it. */
  async announce(created: readonly Match[], titleOf: (challengeId: string) => string): Promise<void> {
    for (const match of created) {
      await this.audit.record({ action: 'match.proposed', entityType: 'match', entityId: match.id, to: 'proposed', details: { runId: match.runId, challengeId: match.challengeId } });
      const title = titleOf(match.challengeId);
      await this.notifyBothSides(match, 'match.proposed', {
        title: { sv: 'Nytt matchningsförslag', en: 'New match proposal' },
        body: { sv: `Ett förslag väntar på ert svar: ${title}. ${match.reason.sv}`, en: `A proposal awaits your answer: ${title}. ${match.reason.en}` },
      });
    }
  }

  private async proposalConflicts(cohortId: string, pairs: readonly { participantId: string; challengeId: string }[]): Promise<PublishConflict[]> {
    const live = await this.matches.find({ where: { cohortId, state: In([...LIVE_MATCH_STATES]) } });
    const available = new Map((await this.challenges.approvedChallengesOfCohort(cohortId)).map((c) => [c.id, c.seats]));
    const taken = new Map<string, number>();
    for (const match of live) taken.set(match.challengeId, (taken.get(match.challengeId) ?? 0) + 1);
    const busy = new Set(live.map((match) => match.participantId));
    const conflicts: PublishConflict[] = [];
    for (const { participantId, challengeId } of pairs) {
      const seats = available.get(challengeId);
      const inUse = (taken.get(challengeId) ?? 0) + 1;
      taken.set(challengeId, inUse);
      if (seats === undefined) conflicts.push({ participantId, challengeId, why: 'challenge_unavailable' });
      else if (busy.has(participantId)) conflicts.push({ participantId, challengeId, why: 'participant_matched_since' });
      else if (inUse > seats) conflicts.push({ participantId, challengeId, why: 'seat_taken' });
    }
    return conflicts;
  }

  /**
   * One side's answer. A decline frees the seat; the second accept confirms the match, and what
   * reacts to a confirmation (see match-lifecycle.ts) happens in the same transaction.
   */
  async respond(matchId: string, response: MatchResponse, note?: string): Promise<Match> {
    const visible = await this.get(matchId);
    const side = await this.sideOf(visible);
    if (!side) throw new NotFoundError('Match', matchId);
    return this.txHost.withTransaction(async () => {
      await this.lockCohort(visible.cohortId);
      const match = await this.matches.findOneByOrFail({ id: matchId });
      if (match.state !== 'proposed') throw new ConflictError('match_closed', `This match is ${match.state}; it takes no more answers.`, { state: match.state });
      const answered = side === 'participant' ? match.participantResponse : match.departmentResponse;
      if (answered) throw new ConflictError('already_answered', `The ${side} side already answered: ${answered}.`);
      const from = match.state;
      const next = stateAfterResponse(response, side === 'participant' ? match.departmentResponse : match.participantResponse);
      const now = new Date();
      if (side === 'participant') Object.assign(match, { participantResponse: response, participantNote: note ?? null, participantRespondedAt: now });
      else Object.assign(match, { departmentResponse: response, departmentNote: note ?? null, departmentResponderId: this.actor.required.id, departmentRespondedAt: now });
      const answer = async (): Promise<Match> => {
        match.state = next;
        const saved = await this.matches.save(match);
        await this.audit.record({ action: `match.${side}_${response === 'accept' ? 'accepted' : 'declined'}`, entityType: 'match', entityId: match.id, from, to: next, reason: note, subjectId: match.participantId });
        return saved;
      };
      // A first accept leaves the match proposed: an answer, not a move.
      return next === from ? answer() : this.lifecycles.move(matchLifecycle, { subject: { match }, from, to: next, reason: note }, answer);
    });
  }

  /** A challenge with tracks under way stays: they must be discontinued first. */
  async assertNoTrackUnderWay(challengeId: string): Promise<void> {
    const live = await this.txHost.tx.getRepository(Track).countBy({ challengeId, stage: Not(In([...ENDED_STAGES])) });
    if (live > 0) {
      throw new ConflictError('challenge_has_confirmed_matches', 'The challenge has tracks under way; discontinue them before withdrawing it.');
    }
  }

  /** The proposals of a withdrawn challenge expire, so their entrepreneurs are free again. */
  async expireProposalsOfWithdrawn(challengeId: string): Promise<void> {
    for (const match of await this.matches.findBy({ challengeId, state: 'proposed' })) await this.expire(match, 'the challenge was withdrawn');
  }

  /** Proposals whose response deadline passed end as expired, freeing their seats. */
  async expireOverdue(cohortId: string): Promise<number> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    return this.txHost.withTransaction(async () => {
      await this.lockCohort(cohortId);
      const overdue = await this.matches.find({ where: { cohortId, state: 'proposed', respondBy: LessThan(new Date()) } });
      for (const match of overdue) await this.expire(match, 'response deadline passed');
      return overdue.length;
    });
  }

  private expire(match: Match, reason: string): Promise<void> {
    const from = match.state;
    return this.lifecycles.move(matchLifecycle, { subject: { match }, from, to: 'expired', reason }, async () => {
      match.state = 'expired';
      await this.matches.save(match);
      await this.audit.record({ action: 'match.expired', entityType: 'match', entityId: match.id, from, to: 'expired', reason });
    });
  }

  async get(matchId: string): Promise<Match> {
    return this.access.require(MatchRecords, 'read', matchId);
  }

  async list(filter: MatchFilter, page: PageQueryDto): Promise<Page<Match>> {
    const qb = await this.access.filter(this.matches.createQueryBuilder('m'), MatchRecords, 'read');
    if (filter.cohortId) qb.andWhere('m.cohort_id = :cohortId', { cohortId: filter.cohortId });
    if (filter.state) qb.andWhere('m.state = :state', { state: filter.state });
    if (filter.departmentId) qb.andWhere('m.department_id = :departmentId', { departmentId: filter.departmentId });
    return paginate(qb, page, { sortColumn: 'm.created_at', idColumn: 'm.id', direction: 'ASC', keyOf: (m) => [m.createdAt.toISOString(), m.id] });
  }

  /** The caller's side of a match, if any: its participant, or a member of its department. */
  async sideOf(match: Match): Promise<MatchSide | undefined> {
    const actor = this.actor.required;
    if (match.participantId === actor.id) return 'participant';
    if (await isMemberOf(this.access.caller(), match.departmentId)) return 'department';
    return undefined;
  }

  /** How many matches of the challenge are confirmed: the seats it has filled. */
  confirmedCount(challengeId: string): Promise<number> {
    return this.matches.countBy({ challengeId, state: 'confirmed' });
  }

  /** Tells the participant and the department's members about the match. */
  async notifyBothSides(match: Match, type: string, message: { title: { sv: string; en: string }; body: { sv: string; en: string }; trackId?: string }): Promise<void> {
    const members = await this.challenges.memberIdsOfDepartment(match.departmentId);
    await this.outbox.notify({
      type,
      recipientIds: [match.participantId, ...members],
      title: message.title,
      body: message.body,
      data: { matchId: match.id, challengeId: match.challengeId, cohortId: match.cohortId, ...(message.trackId ? { trackId: message.trackId } : {}) },
    });
  }
}
