import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengesService, Department, type Challenge, type ChallengeOrigin } from '@samverka/challenges';
import { AccessPolicy, assertVersion, AuditTrail, ConflictError, CurrentActor, normaliseTags, NotFoundError, ReferenceData, ValidationFailedError } from '@samverka/platform';
import { DialogueMeetingRecords } from '../access/dialogue-access.js';
import { DialogueMeeting, DialogueNeed, DialogueNeedVote, type DialogueSignup } from '../dialogue.entities.js';
import { MeetingsService } from '../meetings/meetings.service.js';

export interface NeedInput {
  title: string;
  description?: string | null;
  targetGroup?: string | null;
  evidence?: string | null;
  departmentId?: string | null;
  sdgs?: number[];
  tags?: string[];
}

/** A need's words, as an arranger corrects them: what is given replaces, null clears (the title stays). */
export type NeedTextInput = Partial<Pick<NeedInput, 'title' | 'description' | 'targetGroup' | 'evidence'>>;

const TEXT_FIELDS = ['title', 'description', 'targetGroup', 'evidence'] as const;

/** A need with who stands behind it: everyone who raised or voted for it or a duplicate merged into it. */
export interface NeedWithBacking {
  need: DialogueNeed;
  votes: number;
  people: number;
  sectors: string[];
  /** Participants who raised it or a duplicate merged into it. */
  contributors: number;
}

export interface Participation {
  signup: DialogueSignup;
  meeting: DialogueMeeting;
  waitlistPosition: number | null;
  needs: NeedWithBacking[];
  myVotes: Map<string, number>;
}

interface BackingRow {
  need_id: string;
  votes: number;
  people: number;
  sectors: string[];
  contributors: number;
}

/** Needs raised at a meeting, the participants' votes, merging duplicates, and drafting a challenge from one. */
@Injectable()
export class NeedsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly meetingsService: MeetingsService,
    private readonly challenges: ChallengesService,
    private readonly reference: ReferenceData,
  ) {}

  private get needs() {
    return this.txHost.tx.getRepository(DialogueNeed);
  }

  private get votes() {
    return this.txHost.tx.getRepository(DialogueNeedVote);
  }

  /** Every need of the meeting, merged ones too (they point to the one that stays), oldest first. */
  async list(meetingId: string): Promise<NeedWithBacking[]> {
    await this.access.require(DialogueMeetingRecords, 'read', meetingId);
    return this.withBacking(meetingId);
  }

  /** An arranger records a need during or after the meeting, whether or not needs are open to participants. */
  async addByArranger(meetingId: string, input: NeedInput): Promise<NeedWithBacking> {
    return this.txHost.withTransaction(async () => {
      await this.access.require(DialogueMeetingRecords, 'arrange', meetingId);
      const need = await this.insert(meetingId, input, { createdBy: this.actor.required.id, addedBySignupId: null });
      return this.backingOf(need);
    });
  }

  /** What a participant's link shows: the meeting, its needs with their backing, and their own votes. */
  async participation(token: string): Promise<Participation> {
    const signup = await this.meetingsService.byToken(token);
    const meeting = await this.txHost.tx.getRepository(DialogueMeeting).findOneByOrFail({ id: signup.meetingId });
    const mine = await this.votes.findBy({ signupId: signup.id });
    return {
      signup,
      meeting,
      waitlistPosition: await this.meetingsService.waitlistPosition(signup),
      needs: await this.withBacking(meeting.id),
      myVotes: new Map(mine.map((v) => [v.needId, v.votes])),
    };
  }

  async addByParticipant(token: string, input: NeedInput): Promise<NeedWithBacking> {
    return this.txHost.withTransaction(async () => {
      const signup = await this.meetingsService.byToken(token);
      await this.assertMayTakePart(signup);
      const need = await this.insert(signup.meetingId, input, { createdBy: null, addedBySignupId: signup.id });
      return this.backingOf(need);
    });
  }

  /**
   * Sets the participant's votes on one need (0 takes them back). Their sign-up row is locked
   * while their votes are added up, so votes sent at once never pass the meeting's allowance.
   */
  async vote(token: string, needId: string, votes: number): Promise<{ used: number; allowance: number }> {
    return this.txHost.withTransaction(async () => {
      const signup = await this.meetingsService.byToken(token, { lock: true });
      const meeting = await this.assertMayTakePart(signup);
      // Shared: votes on one need go on side by side; a merge (FOR UPDATE) waits for them and they for it.
      const need = await this.needs.findOne({ where: { id: needId, meetingId: meeting.id }, lock: { mode: 'pessimistic_read' } });
      if (!need) throw new NotFoundError('Need', needId);
      if (need.mergedIntoId) throw new ConflictError('need_merged', 'The need was merged into another; vote for that one.', { mergedIntoId: need.mergedIntoId });
      const [{ others }] = await this.txHost.tx.query(`SELECT coalesce(sum(votes), 0)::int AS others FROM dialogue_need_votes WHERE signup_id = $1 AND need_id <> $2`, [signup.id, needId]);
      const allowance = meeting.votesPerParticipant;
      if (others + votes > allowance) {
        throw new ConflictError('votes_exhausted', `Each participant has ${allowance} votes; ${others} are on other needs.`, { allowance, used: others, available: allowance - others });
      }
      if (votes === 0) await this.votes.delete({ needId, signupId: signup.id });
      else await this.votes.upsert({ needId, signupId: signup.id, votes }, ['needId', 'signupId']);
      await this.audit.record({ action: 'dialogue_need.voted', entityType: 'dialogue_need', entityId: needId, details: { signupId: signup.id, votes } });
      return { used: others + votes, allowance };
    });
  }

  /**
   * An arranger corrects a need's words (a typo, a clearer line, something personal taken out);
   * its votes, backing and any challenge drafted from it stay. The audit names the fields changed,
   * not the words: they may be a participant's, and the trail must not keep them after an erasure.
   */
  async editText(meetingId: string, needId: string, expectedVersion: number | undefined, input: NeedTextInput): Promise<NeedWithBacking> {
    return this.txHost.withTransaction(async () => {
      await this.access.require(DialogueMeetingRecords, 'arrange', meetingId);
      const need = await this.needs.findOne({ where: { id: needId, meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!need) throw new NotFoundError('Need', needId);
      assertVersion('need', expectedVersion, need.version);
      if (input.title === null) throw new ValidationFailedError([{ field: 'title', message: 'a need keeps a title', code: 'required' }]);
      if (need.mergedIntoId) throw new ConflictError('need_merged', 'The need was merged into another; correct that one.', { mergedIntoId: need.mergedIntoId });
      const changed = TEXT_FIELDS.filter((field) => input[field] !== undefined && (input[field] ?? null) !== need[field]);
      if (!changed.length) return this.backingOf(need);
      for (const field of changed) {
        if (field === 'title') need.title = input.title as string;
        else need[field] = input[field] ?? null;
      }
      const saved = await this.needs.save(need);
      await this.audit.record({ action: 'dialogue_need.edited', entityType: 'dialogue_need', entityId: needId, details: { meetingId, fields: changed } });
      return this.backingOf(saved);
    });
  }

  /**
   * Merges a duplicate into the need that stays: its votes join the other's (a participant who
   * voted for both keeps the sum), its contributors count for the other, and it points there.
   */
  async merge(meetingId: string, needId: string, intoId: string): Promise<NeedWithBacking> {
    return this.txHost.withTransaction(async () => {
      await this.access.require(DialogueMeetingRecords, 'arrange', meetingId, { lock: 'pessimistic_write' });
      if (needId === intoId) throw new ValidationFailedError([{ field: 'intoNeedId', message: 'a need cannot be merged into itself' }]);
      const both = await this.needs.find({ where: [{ id: needId, meetingId }, { id: intoId, meetingId }], order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const need = both.find((n) => n.id === needId);
      const into = both.find((n) => n.id === intoId);
      if (!need) throw new NotFoundError('Need', needId);
      if (!into) throw new ValidationFailedError([{ field: 'intoNeedId', message: 'not a need of this meeting' }]);
      for (const n of [need, into]) {
        if (n.mergedIntoId) throw new ConflictError('need_merged', 'That need was merged already; merge into the one it points to.', { needId: n.id, mergedIntoId: n.mergedIntoId });
      }
      if (need.challengeId) throw new ConflictError('need_has_challenge', 'A challenge was drafted from this need; merge the others into it instead.', { challengeId: need.challengeId });
      const [{ moved }] = await this.txHost.tx.query(
        `WITH moved AS (DELETE FROM dialogue_need_votes WHERE need_id = $1 RETURNING signup_id, votes),
              added AS (INSERT INTO dialogue_need_votes (need_id, signup_id, votes) SELECT $2, signup_id, votes FROM moved
                        ON CONFLICT (need_id, signup_id) DO UPDATE SET votes = dialogue_need_votes.votes + EXCLUDED.votes RETURNING 1)
         SELECT coalesce((SELECT sum(votes) FROM moved), 0)::int AS moved`,
        [needId, intoId],
      );
      // Duplicates merged into this one earlier follow it: every merged need points straight at the one that stays.
      await this.needs.update({ mergedIntoId: needId }, { mergedIntoId: intoId });
      need.mergedIntoId = intoId;
      await this.needs.save(need);
      await this.audit.record({ action: 'dialogue_need.merged', entityType: 'dialogue_need', entityId: needId, to: 'merged', details: { meetingId, intoNeedId: intoId, votesMoved: moved } });
      return this.backingOf(into);
    });
  }

  /**
   * A department drafts a challenge from the need: its words become the draft's, and the draft
   * keeps its origin — the meeting, the need, and how many people from which sectors stood behind it.
   */
  async draftChallenge(meetingId: string, needId: string, departmentId: string | undefined): Promise<Challenge> {
    return this.txHost.withTransaction(async () => {
      const meeting = await this.access.require(DialogueMeetingRecords, 'read', meetingId);
      const need = await this.needs.findOne({ where: { id: needId, meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!need) throw new NotFoundError('Need', needId);
      if (need.mergedIntoId) throw new ConflictError('need_merged', 'The need was merged into another; draft from that one.', { mergedIntoId: need.mergedIntoId });
      if (need.challengeId) throw new ConflictError('need_has_challenge', 'A challenge was drafted from this need already.', { challengeId: need.challengeId });
      const owner = departmentId ?? need.departmentId;
      if (!owner) throw new ValidationFailedError([{ field: 'departmentId', message: 'the need names no department: say which department drafts it', code: 'required' }]);
      const backing = await this.backingOf(need);
      const origin: ChallengeOrigin = {
        meetingId,
        meetingTheme: meeting.theme,
        meetingStartsAt: meeting.startsAt.toISOString(),
        needId,
        needTitle: need.title,
        people: backing.people,
        sectors: backing.sectors,
      };
      const problem = [need.description, need.evidence && `${need.evidence}`].filter(Boolean).join('\n\n');
      const challenge = await this.challenges.create(owner, { title: need.title, problemStatement: problem || null, targetGroup: need.targetGroup, sdgs: need.sdgs, themes: need.tags }, origin);
      need.challengeId = challenge.id;
      await this.needs.save(need);
      await this.audit.record({ action: 'dialogue_need.drafted', entityType: 'dialogue_need', entityId: needId, to: 'challenge', details: { meetingId, challengeId: challenge.id, people: backing.people, sectors: backing.sectors } });
      return challenge;
    });
  }

  /** Participants add needs and vote while the meeting's needs are open, and only with a seat. */
  private async assertMayTakePart(signup: DialogueSignup): Promise<DialogueMeeting> {
    if (signup.status !== 'confirmed') throw new ConflictError('signup_not_confirmed', `A ${signup.status} sign-up cannot add needs or vote.`, { signupStatus: signup.status });
    const meeting = await this.txHost.tx.getRepository(DialogueMeeting).findOneByOrFail({ id: signup.meetingId });
    if (!meeting.needsOpen) throw new ConflictError('needs_closed', 'The meeting no longer takes needs or votes.');
    return meeting;
  }

  private async insert(meetingId: string, input: NeedInput, by: Pick<DialogueNeed, 'createdBy' | 'addedBySignupId'>): Promise<DialogueNeed> {
    if (input.sdgs?.length) await this.reference.assertSdgs(input.sdgs, 'sdgs');
    if (input.departmentId && !(await this.txHost.tx.getRepository(Department).existsBy({ id: input.departmentId }))) {
      throw new ValidationFailedError([{ field: 'departmentId', message: 'no such department' }]);
    }
    const need = await this.needs.save(
      this.needs.create({
        meetingId,
        title: input.title,
        description: input.description ?? null,
        targetGroup: input.targetGroup ?? null,
        evidence: input.evidence ?? null,
        departmentId: input.departmentId ?? null,
        sdgs: [...new Set(input.sdgs ?? [])],
        tags: normaliseTags(input.tags ?? []),
        ...by,
      }),
    );
    await this.audit.record({ action: 'dialogue_need.added', entityType: 'dialogue_need', entityId: need.id, details: { meetingId, bySignup: by.addedBySignupId !== null } });
    return need;
  }

  private async backingOf(need: DialogueNeed): Promise<NeedWithBacking> {
    const all = await this.withBacking(need.meetingId, need.id);
    return all[0] ?? { need, votes: 0, people: 0, sectors: [], contributors: 0 };
  }

  /** The needs of a meeting (or one of them) with their votes, people, sectors and contributors. */
  private async withBacking(meetingId: string, onlyNeedId?: string): Promise<NeedWithBacking[]> {
    const qb = this.needs.createQueryBuilder('n').where('n.meeting_id = :meetingId', { meetingId }).orderBy('n.created_at', 'ASC').addOrderBy('n.id', 'ASC');
    if (onlyNeedId) qb.andWhere('n.id = :onlyNeedId', { onlyNeedId });
    const needs = await qb.getMany();
    const rows: BackingRow[] = await this.txHost.tx.query(
      `WITH raised AS (
         SELECT coalesce(n.merged_into_id, n.id) AS need_id, n.added_by_signup_id AS signup_id
           FROM dialogue_needs n WHERE n.meeting_id = $1 AND n.added_by_signup_id IS NOT NULL),
       voted AS (
         SELECT v.need_id, v.signup_id, v.votes FROM dialogue_need_votes v JOIN dialogue_needs n ON n.id = v.need_id WHERE n.meeting_id = $1),
       backers AS (SELECT need_id, signup_id FROM raised UNION SELECT need_id, signup_id FROM voted)
       SELECT b.need_id,
              count(DISTINCT b.signup_id)::int AS people,
              array_agg(DISTINCT s.sector ORDER BY s.sector) AS sectors,
              (SELECT count(DISTINCT r.signup_id)::int FROM raised r WHERE r.need_id = b.need_id) AS contributors,
              (SELECT coalesce(sum(v.votes), 0)::int FROM voted v WHERE v.need_id = b.need_id) AS votes
         FROM backers b JOIN dialogue_signups s ON s.id = b.signup_id
        GROUP BY b.need_id`,
      [meetingId],
    );
    const byNeed = new Map(rows.map((r) => [r.need_id, r]));
    return needs.map((need) => {
      const row = byNeed.get(need.id);
      return { need, votes: row?.votes ?? 0, people: row?.people ?? 0, sectors: row?.sectors ?? [], contributors: row?.contributors ?? 0 };
    });
  }
}
