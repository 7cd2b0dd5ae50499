import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, assertVersion, AuditTrail, type Condition, ConflictError, CurrentActor, Lifecycles, normaliseLanguages, normaliseTag, normaliseTags, NotFoundError, Outbox, type Page, type PageQueryDto, paginate, paginateRows, insertRow, ReferenceData, selectList, ValidationFailedError } from '@samverka/platform';
import { CohortRecords, type CohortState } from '@samverka/programmes';
import { In } from 'typeorm';
import { ChallengeDirectory } from './challenge-directory.js';
import { DepartmentsService } from '../departments/departments.service.js';
import { ChallengeRecords, needOwnerContactsVisibleTo } from '../access/challenge-access.js';
import { TestEnvironmentsService } from '../test-environments/test-environments.service.js';
import { CONTENT_FIELDS, emptyRouteToAdoption, missingForSubmission, type ChallengeContent, type UptakeRoute } from './challenge-content.js';
import { Challenge, ChallengeReview, ChallengeRevision, type ChallengeOrigin } from './challenge.entity.js';
import { challengeLifecycle, EDITABLE_STATES, STATE_AFTER_REVIEW, type ChallengeState, type ReviewDecision } from './challenge-lifecycle.js';
import { reviewNotice } from './review-notice.js';
import { diffSnapshots, type FieldChange } from './revision-diff.js';

/** What a department sends: everything but the title may wait until submission. */
export interface ChallengeInput {
  title: string;
  problemStatement?: string | null;
  targetGroup?: string | null;
  desiredOutcome?: string | null;
  themes?: string[];
  sdgs?: number[];
  competences?: string[];
  languages?: string[];
  municipalityCode?: string | null;
  hoursPerWeek?: number | null;
  seats?: number;
  testEnvironmentIds?: string[];
  routeToAdoption?: {
    needOwner?: { name?: string | null; role?: string | null; email?: string | null; phone?: string | null };
    uptake?: UptakeRoute | null;
    uptakeNote?: string | null;
    adoptedMeans?: string | null;
  };
}

export interface ChallengeFilters {
  state?: ChallengeState;
  departmentId?: string;
  cohortId?: string;
  sdg?: number;
  theme?: string;
  competence?: string;
  /** Full-text search in Swedish and English over title, problem and outcome; ranked. */
  q?: string;
  /** `review_queue`: submitted challenges, oldest submission first. */
  sort?: 'newest' | 'review_queue';
}

/** A challenge as one caller sees it. */
export interface VisibleChallenge {
  challenge: Challenge;
  showContacts: boolean;
}

export interface ReviewRequest {
  decision: ReviewDecision;
  comment?: string | null;
  cohortId?: string | null;
}

export interface RevisionWithContext {
  revision: ChallengeRevision;
  /** What changed since the previous revision. */
  changes: FieldChange[];
  /** The review of the previous revision, which asked for this one. */
  requestedBy: ChallengeReview | null;
  /** The decision on this revision, once made. */
  review: ChallengeReview | null;
}

export interface RevisionComparison {
  from: number;
  to: number;
  changes: FieldChange[];
  /** The reviews between the two revisions: the comments that asked for the changes. */
  reviews: ChallengeReview[];
}

/** Cohorts that can still take challenges in. */
const COHORTS_TAKING_CHALLENGES: readonly CohortState[] = ['planning', 'open', 'selecting'];

const TS_QUERY = `(websearch_to_tsquery('swedish', :q) || websearch_to_tsquery('english', :q))`;
const TS_RANK = `ts_rank(c.search_vector, ${TS_QUERY})`;

/** A challenge's every column, for the list (read by hand: see `paginateRows`). */
const CHALLENGE_COLUMNS = selectList<Challenge>('c', [
  'id', 'departmentId', 'title', 'problemStatement', 'targetGroup', 'desiredOutcome', 'themes', 'sdgs', 'competences', 'languages',
  'municipalityCode', 'hoursPerWeek', 'seats', 'testEnvironmentIds', 'routeToAdoption', 'state', 'cohortId', 'submittedAt', 'createdBy',
  'origin', 'version', 'createdAt', 'updatedAt',
]);
const CHALLENGE_ROWS = `SELECT ${CHALLENGE_COLUMNS} FROM challenges c`;
const RANKED_CHALLENGE_ROWS = `SELECT ${CHALLENGE_COLUMNS}, ${TS_RANK} AS rank FROM challenges c`;
type RankedChallenge = Challenge & { rank: number };

const blankToNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);

/** A draft's input made canonical: tags normalised, lists deduplicated, absent fields cleared (PUT replaces). */
export function toContent(input: ChallengeInput): ChallengeContent {
  const route = input.routeToAdoption ?? {};
  const empty = emptyRouteToAdoption();
  return {
    title: input.title,
    problemStatement: blankToNull(input.problemStatement),
    targetGroup: blankToNull(input.targetGroup),
    desiredOutcome: blankToNull(input.desiredOutcome),
    themes: normaliseTags(input.themes ?? []),
    sdgs: [...new Set(input.sdgs ?? [])].sort((a, b) => a - b),
    competences: normaliseTags(input.competences ?? []),
    languages: normaliseLanguages(input.languages ?? []),
    municipalityCode: input.municipalityCode ?? null,
    hoursPerWeek: input.hoursPerWeek ?? null,
    seats: input.seats ?? 1,
    testEnvironmentIds: [...new Set(input.testEnvironmentIds ?? [])],
    routeToAdoption: {
      needOwner: {
        name: blankToNull(route.needOwner?.name) ?? empty.needOwner.name,
        role: blankToNull(route.needOwner?.role) ?? empty.needOwner.role,
        email: blankToNull(route.needOwner?.email) ?? empty.needOwner.email,
        phone: blankToNull(route.needOwner?.phone) ?? empty.needOwner.phone,
      },
      uptake: route.uptake ?? null,
      uptakeNote: blankToNull(route.uptakeNote),
      adoptedMeans: blankToNull(route.adoptedMeans),
    },
  };
}

const contentOf = (challenge: Challenge): ChallengeContent =>
  Object.fromEntries(CONTENT_FIELDS.map((field) => [field, challenge[field]])) as unknown as ChallengeContent;

@Injectable()
export class ChallengesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly reference: ReferenceData,
    private readonly departments: DepartmentsService,
    private readonly testEnvironments: TestEnvironmentsService,
    private readonly access: AccessPolicy,
    private readonly lifecycles: Lifecycles,
    private readonly directory: ChallengeDirectory,
    private readonly outbox: Outbox,
  ) {}

  private get challenges() {
    return this.txHost.tx.getRepository(Challenge);
  }

  private get revisions() {
    return this.txHost.tx.getRepository(ChallengeRevision);
  }

  private get reviews() {
    return this.txHost.tx.getRepository(ChallengeReview);
  }

  async create(departmentId: string, input: ChallengeInput, origin: ChallengeOrigin | null = null): Promise<Challenge> {
    return this.txHost.withTransaction(async () => {
      await this.departments.getAsMember(departmentId);
      const content = toContent(input);
      await this.assertValidContent(departmentId, content);
      const challenge = await insertRow(this.txHost.tx, Challenge, { ...content, departmentId, state: 'draft', createdBy: this.actor.required.id, origin });
      await this.audit.record({ action: 'challenge.created', entityType: 'challenge', entityId: challenge.id, to: 'draft', details: { departmentId, ...(origin && { needId: origin.needId }) } });
      return challenge;
    });
  }

  /** Replaces a draft's content; only drafts and challenges with changes requested, and only from the current version. */
  async update(id: string, expectedVersion: number | undefined, input: ChallengeInput): Promise<Challenge> {
    return this.txHost.withTransaction(async () => {
      const challenge = await this.lockForDepartment(id);
      if (!EDITABLE_STATES.includes(challenge.state)) {
        throw new ConflictError('challenge_not_editable', `A ${challenge.state} challenge cannot be edited; only ${EDITABLE_STATES.join(' and ')} ones can.`, { state: challenge.state });
      }
      assertVersion('challenge', expectedVersion, challenge.version);
      const content = toContent(input);
      await this.assertValidContent(challenge.departmentId, content);
      const changed = diffSnapshots(contentOf(challenge), content).map((change) => change.field);
      Object.assign(challenge, content);
      const saved = await this.challenges.save(challenge);
      await this.audit.record({ action: 'challenge.updated', entityType: 'challenge', entityId: id, details: { fields: changed } });
      return saved;
    });
  }

  async get(id: string): Promise<VisibleChallenge> {
    const challenge = await this.access.require(ChallengeRecords, 'read', id);
    const showsContacts = await needOwnerContactsVisibleTo(this.access.caller());
    return { challenge, showContacts: showsContacts(challenge) };
  }

  async list(filters: ChallengeFilters, page: PageQueryDto): Promise<Page<VisibleChallenge>> {
    const where = [await this.access.where(ChallengeRecords, 'read', 'c'), ...filterConditions(filters)];
    let result: Page<Challenge>;
    if (filters.sort === 'review_queue') {
      where.push({ sql: `c.state = 'submitted'` });
      result = await paginateRows(this.txHost.tx, CHALLENGE_ROWS, where, page, { sortColumn: 'c.submitted_at', idColumn: 'c.id', direction: 'ASC', keyOf: (c) => [c.submittedAt!.toISOString(), c.id] });
    } else if (filters.q) {
      // Best matches first; the cursor carries the rank and id of the last row.
      result = await paginateRows<RankedChallenge>(this.txHost.tx, RANKED_CHALLENGE_ROWS, where, page, { sortColumn: TS_RANK, idColumn: 'c.id', direction: 'DESC', keyOf: (c) => [c.rank, c.id] });
    } else {
      result = await paginateRows(this.txHost.tx, CHALLENGE_ROWS, where, page, { sortColumn: 'c.created_at', idColumn: 'c.id', direction: 'DESC', keyOf: (c) => [c.createdAt.toISOString(), c.id] });
    }
    const showsContacts = await needOwnerContactsVisibleTo(this.access.caller());
    const items = result.items.map((challenge) => ({ challenge, showContacts: showsContacts(challenge) }));
    return { items, nextCursor: result.nextCursor };
  }

  async submit(id: string): Promise<Challenge> {
    return this.txHost.withTransaction(async () => {
      const challenge = await this.lockForDepartment(id);
      const from = challenge.state;
      challengeLifecycle.assertMove(from, 'submitted');
      const content = contentOf(challenge);
      const missing = missingForSubmission(content);
      if (missing.length) throw new ValidationFailedError(missing, `The challenge is not complete: ${missing.map((m) => m.field).join(', ')} missing.`);
      // A test environment may have been retired since the draft named it.
      await this.testEnvironments.assertOfferable(challenge.departmentId, content.testEnvironmentIds, 'testEnvironmentIds');
      const number = (await this.revisions.countBy({ challengeId: id })) + 1;
      await this.revisions.insert({ challengeId: id, number, content, submittedBy: this.actor.required.id });
      challenge.state = 'submitted';
      challenge.submittedAt = new Date();
      const saved = await this.challenges.save(challenge);
      await this.audit.record({ action: 'challenge.submitted', entityType: 'challenge', entityId: id, from, to: 'submitted', details: { revision: number } });
      return saved;
    });
  }

  async review(id: string, request: ReviewRequest): Promise<Challenge> {
    const comment = blankToNull(request.comment);
    if (request.decision !== 'approve' && !comment) {
      throw new ValidationFailedError([{ field: 'comment', message: 'a comment is required when requesting changes or rejecting', code: 'required' }]);
    }
    if (request.decision === 'approve' && !request.cohortId) {
      throw new ValidationFailedError([{ field: 'cohortId', message: 'approval attaches the challenge to a cohort: cohortId is required', code: 'required' }]);
    }
    return this.txHost.withTransaction(async () => {
      const challenge = await this.lockVisible(id);
      const from = challenge.state;
      const to = STATE_AFTER_REVIEW[request.decision];
      challengeLifecycle.assertMove(from, to);
      const cohortId = request.cohortId ? await this.assertManagedCohort(request.cohortId, request.decision) : null;
      const revisionNumber = await this.revisions.countBy({ challengeId: id });
      await this.reviews.insert({ challengeId: id, revisionNumber, decision: request.decision, comment, cohortId, reviewedBy: this.actor.required.id });
      challenge.state = to;
      if (request.decision === 'approve') challenge.cohortId = cohortId;
      const saved = await this.challenges.save(challenge);
      await this.audit.record({ action: 'challenge.reviewed', entityType: 'challenge', entityId: id, from, to, reason: comment, details: { decision: request.decision, revision: revisionNumber, cohortId } });
      await this.outbox.notify({
        type: 'challenge.reviewed',
        recipientIds: await this.directory.memberIdsOfDepartment(challenge.departmentId),
        ...reviewNotice(request.decision, challenge.title, comment),
        data: { challengeId: id, departmentId: challenge.departmentId, decision: request.decision, cohortId },
      });
      return saved;
    });
  }

  async withdraw(id: string, reason: string | undefined): Promise<Challenge> {
    return this.txHost.withTransaction(async () => {
      const challenge = await this.lockForDepartment(id);
      const from = challenge.state;
      // The hooks declared with the lifecycle run under the challenge's lock (see challenge-lifecycle.ts).
      return this.lifecycles.move(challengeLifecycle, { subject: { challengeId: id }, from, to: 'withdrawn', reason }, async () => {
        challenge.state = 'withdrawn';
        const saved = await this.challenges.save(challenge);
        await this.audit.record({ action: 'challenge.withdrawn', entityType: 'challenge', entityId: id, from, to: 'withdrawn', reason });
        return saved;
      });
    });
  }

  async listRevisions(id: string, page: PageQueryDto): Promise<Page<RevisionWithContext>> {
    await this.get(id);
    const qb = this.revisions.createQueryBuilder('r').where('r.challenge_id = :id', { id });
    const result = await paginate(qb, page, { sortColumn: 'r.number', idColumn: 'r.id', direction: 'ASC', keyOf: (r) => [r.number, r.id] });
    if (!result.items.length) return { items: [], nextCursor: null };
    const first = result.items[0].number;
    const previous = first > 1 ? await this.revisions.findOneBy({ challengeId: id, number: first - 1 }) : null;
    const reviews = await this.reviews.findBy({ challengeId: id, revisionNumber: In([first - 1, ...result.items.map((r) => r.number)]) });
    const reviewOf = (number: number) => reviews.find((review) => review.revisionNumber === number) ?? null;
    let before = previous;
    const items = result.items.map((revision) => {
      const item = {
        revision,
        changes: before ? diffSnapshots(before.content, revision.content) : [],
        requestedBy: reviewOf(revision.number - 1),
        review: reviewOf(revision.number),
      };
      before = revision;
      return item;
    });
    return { items, nextCursor: result.nextCursor };
  }

  async compareRevisions(id: string, from: number, to: number): Promise<RevisionComparison> {
    await this.get(id);
    const [older, newer] = await Promise.all([this.getRevision(id, from), this.getRevision(id, to)]);
    const [low, high] = from <= to ? [from, to] : [to, from];
    const reviews = await this.reviews
      .createQueryBuilder('v')
      .where('v.challenge_id = :id AND v.revision_number >= :low AND v.revision_number < :high', { id, low, high })
      .orderBy('v.revision_number', 'ASC')
      .getMany();
    return { from, to, changes: diffSnapshots(older.content, newer.content), reviews };
  }

  private async getRevision(challengeId: string, number: number): Promise<ChallengeRevision> {
    const revision = await this.revisions.findOneBy({ challengeId, number });
    if (!revision) throw new NotFoundError('Revision', String(number));
    return revision;
  }

  /** Locks a challenge of one of the caller's departments (admins: any); else not found. */
  private lockForDepartment(id: string): Promise<Challenge> {
    return this.access.require(ChallengeRecords, 'edit', id, { lock: 'pessimistic_write' });
  }

  private async lockVisible(id: string): Promise<Challenge> {
    const { challenge } = await this.get(id);
    return (await this.challenges.findOne({ where: { id: challenge.id }, lock: { mode: 'pessimistic_write' } }))!;
  }

  /** A cohort the reviewing manager manages; approval needs one that still takes challenges in. */
  private async assertManagedCohort(cohortId: string, decision: ReviewDecision): Promise<string> {
    const cohort = await this.access.require(CohortRecords, 'manage', cohortId);
    if (decision === 'approve' && !COHORTS_TAKING_CHALLENGES.includes(cohort.state)) {
      throw new ConflictError(
        'cohort_not_taking_challenges',
        `The cohort is ${cohort.state}; challenges can be approved into cohorts in ${COHORTS_TAKING_CHALLENGES.join(', ')} only.`,
        { cohortState: cohort.state },
      );
    }
    return cohort.id;
  }

  private async assertValidContent(departmentId: string, content: ChallengeContent): Promise<void> {
    if (content.municipalityCode) await this.reference.assertMunicipality(content.municipalityCode, 'municipalityCode');
    if (content.sdgs.length) await this.reference.assertSdgs(content.sdgs, 'sdgs');
    await this.testEnvironments.assertOfferable(departmentId, content.testEnvironmentIds, 'testEnvironmentIds');
  }
}

/** The list's filters, as conditions on `c`. */
function filterConditions(filters: ChallengeFilters): Condition[] {
  const where: Condition[] = [];
  if (filters.state) where.push({ sql: 'c.state = :state', params: { state: filters.state } });
  if (filters.departmentId) where.push({ sql: 'c.department_id = :departmentId', params: { departmentId: filters.departmentId } });
  if (filters.cohortId) where.push({ sql: 'c.cohort_id = :cohortId', params: { cohortId: filters.cohortId } });
  if (filters.sdg !== undefined) where.push({ sql: 'c.sdgs @> ARRAY[:sdg]::smallint[]', params: { sdg: filters.sdg } });
  if (filters.theme) where.push({ sql: 'c.themes @> ARRAY[:theme]::text[]', params: { theme: normaliseTag(filters.theme) } });
  if (filters.competence) where.push({ sql: 'c.competences @> ARRAY[:competence]::text[]', params: { competence: normaliseTag(filters.competence) } });
  if (filters.q) where.push({ sql: `c.search_vector @@ ${TS_QUERY}`, params: { q: filters.q } });
  return where;
}
