import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, assertVersion, AuditTrail, ConflictError, Lifecycles, type FieldError, normaliseLanguages, type Page, type PageQueryDto, paginate, UnprocessableError, ValidationFailedError } from '@samverka/platform';
import { isDeepStrictEqual } from 'node:util';
import { CohortRecords, ProgrammeRecords } from '../access/programme-access.js';
import { Application } from '../applications/application.entity.js';
import { ProgrammeManager } from '../programmes/programme.entity.js';
import { DEFAULT_STAGE_NORMS, keyedListProblems, questionProblems, type GraduationCriterion, type Question, type RubricCriterion, type StageNorms } from '../content/cohort-content.js';
import { Cohort, CohortReviewer } from './cohort.entity.js';
import { cohortLifecycle, isContentFrozen, type CohortState } from './cohort-lifecycle.js';

export interface CohortChanges {
  name?: string;
  startsOn?: string;
  endsOn?: string;
  applicationOpensAt?: string;
  applicationClosesAt?: string;
  seats?: number;
  questions?: Question[];
  rubric?: RubricCriterion[];
  graduationCriteria?: GraduationCriterion[];
  languages?: string[];
  stageNormDays?: StageNorms;
}

export interface NewCohort extends CohortChanges {
  programmeId: string;
  name: string;
  applicationOpensAt: string;
  applicationClosesAt: string;
  seats: number;
}

export interface CohortFilter {
  programmeId?: string;
  state?: CohortState;
}

/** The fields frozen once applicants can see them. */
const FROZEN_FIELDS = ['questions', 'rubric'] as const;

function contentProblems(changes: CohortChanges): FieldError[] {
  return [
    ...questionProblems(changes.questions ?? [], 'questions'),
    ...keyedListProblems(changes.rubric ?? [], 'rubric'),
    ...keyedListProblems(changes.graduationCriteria ?? [], 'graduationCriteria'),
  ];
}

/** Request DTOs are class instances; stored JSON is plain data. Compare like with like. */
const asPlainData = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Applies the changes and checks the fields that depend on each other. */
function applyChanges(cohort: Cohort, changes: CohortChanges): void {
  const { applicationOpensAt, applicationClosesAt, languages, ...rest } = changes;
  Object.assign(cohort, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
  if (applicationOpensAt !== undefined) cohort.applicationOpensAt = new Date(applicationOpensAt);
  if (applicationClosesAt !== undefined) cohort.applicationClosesAt = new Date(applicationClosesAt);
  if (languages !== undefined) cohort.languages = normaliseLanguages(languages);
  const problems: FieldError[] = [];
  if (cohort.applicationClosesAt.getTime() <= cohort.applicationOpensAt.getTime()) {
    problems.push({ field: 'applicationClosesAt', message: 'applicationClosesAt must be after applicationOpensAt', code: 'beforeStart' });
  }
  if (cohort.startsOn && cohort.endsOn && cohort.endsOn < cohort.startsOn) problems.push({ field: 'endsOn', message: 'endsOn must not be before startsOn', code: 'beforeStart' });
  if (problems.length) throw new ValidationFailedError(problems);
}

@Injectable()
export class CohortsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly users: UsersService,
    private readonly lifecycles: Lifecycles,
  ) {}

  private get cohorts() {
    return this.txHost.tx.getRepository(Cohort);
  }

  private get reviewers() {
    return this.txHost.tx.getRepository(CohortReviewer);
  }

  async list(query: PageQueryDto, filter: CohortFilter): Promise<Page<Cohort>> {
    const qb = await this.access.filter(this.cohorts.createQueryBuilder('c'), CohortRecords, 'read');
    if (filter.programmeId) qb.andWhere('c.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.state) qb.andWhere('c.state = :state', { state: filter.state });
    return paginate(qb, query, { sortColumn: 'c.created_at', idColumn: 'c.id', direction: 'DESC', keyOf: (c) => [c.createdAt.toISOString(), c.id] });
  }

  get(id: string): Promise<Cohort> {
    return this.access.require(CohortRecords, 'read', id);
  }

  /** Questions, rubric and graduation criteria not given start from the programme's defaults. */
  async create(data: NewCohort): Promise<Cohort> {
    const problems = contentProblems(data);
    if (problems.length) throw new ValidationFailedError(problems);
    return this.txHost.withTransaction(async () => {
      const programme = await this.access.require(ProgrammeRecords, 'manage', data.programmeId);
      const cohort = this.cohorts.create({
        programmeId: programme.id,
        state: 'planning',
        questions: programme.defaultQuestions,
        rubric: programme.defaultRubric,
        graduationCriteria: programme.defaultGraduationCriteria,
        languages: [],
        stageNormDays: { ...DEFAULT_STAGE_NORMS },
        startsOn: null,
        endsOn: null,
      });
      const { programmeId: _programmeId, ...changes } = data;
      applyChanges(cohort, changes);
      const saved = await this.cohorts.save(cohort);
      await this.audit.record({ action: 'cohort.created', entityType: 'cohort', entityId: saved.id, to: saved.state, details: { programmeId: programme.id } });
      return saved;
    });
  }

  async update(id: string, expectedVersion: number | undefined, changes: CohortChanges): Promise<Cohort> {
    const problems = contentProblems(changes);
    if (problems.length) throw new ValidationFailedError(problems);
    return this.txHost.withTransaction(async () => {
      const cohort = await this.access.require(CohortRecords, 'manage', id, { lock: 'pessimistic_write' });
      assertVersion('cohort', expectedVersion, cohort.version);
      // A completed or archived cohort is a record of what happened: it is read, not edited.
      if (cohort.state === 'completed' || cohort.state === 'archived') {
        throw new ConflictError('cohort_closed', `A ${cohort.state} cohort cannot be changed.`, { state: cohort.state });
      }
      const frozen = FROZEN_FIELDS.filter((field) => changes[field] !== undefined && !isDeepStrictEqual(asPlainData(changes[field]), cohort[field]));
      if (isContentFrozen(cohort.state) && frozen.length) {
        throw new ConflictError('cohort_content_frozen', `The ${frozen.join(' and ')} of a cohort cannot change once it is ${cohort.state}.`, { fields: frozen });
      }
      if (changes.seats !== undefined) await this.assertSeatsCoverAccepted(cohort.id, changes.seats);
      applyChanges(cohort, changes);
      const saved = await this.cohorts.save(cohort);
      const fields = Object.entries(changes).flatMap(([field, value]) => (value === undefined ? [] : [field]));
      await this.audit.record({ action: 'cohort.updated', entityType: 'cohort', entityId: id, details: { fields } });
      return saved;
    });
  }

  /**
   * Whether the cohort's aggregated learnings and impact figures are open data. Any state: a
   * completed cohort is the one most worth publishing, and withdrawing takes it off at once.
   */
  async setOpenData(id: string, publishes: boolean): Promise<Cohort> {
    return this.txHost.withTransaction(async () => {
      const cohort = await this.access.require(CohortRecords, 'manage', id, { lock: 'pessimistic_write' });
      if (cohort.publishesOpenData === publishes) return cohort;
      cohort.publishesOpenData = publishes;
      const saved = await this.cohorts.save(cohort);
      await this.audit.record({
        action: publishes ? 'cohort.open_data_published' : 'cohort.open_data_withdrawn',
        entityType: 'cohort',
        entityId: id,
        from: publishes ? 'unpublished' : 'published',
        to: publishes ? 'published' : 'unpublished',
      });
      return saved;
    });
  }

  private async assertSeatsCoverAccepted(cohortId: string, seats: number): Promise<void> {
    const accepted = await this.txHost.tx.getRepository(Application).countBy({ cohortId, state: 'accepted' });
    if (seats < accepted) throw new ConflictError('seats_below_accepted', `${accepted} applicants are already accepted; seats cannot be fewer.`, { accepted });
  }

  async transition(id: string, to: CohortState, reason?: string): Promise<Cohort> {
    return this.txHost.withTransaction(async () => {
      const cohort = await this.access.require(CohortRecords, 'manage', id, { lock: 'pessimistic_write' });
      const from = cohort.state;
      // The hooks declared with the lifecycle run under the cohort's lock (see cohort-lifecycle.ts).
      return this.lifecycles.move(cohortLifecycle, { subject: { cohortId: id }, from, to, reason }, async () => {
        cohort.state = to;
        const saved = await this.cohorts.save(cohort);
        await this.audit.record({ action: 'cohort.transitioned', entityType: 'cohort', entityId: id, from, to, reason });
        return saved;
      });
    });
  }

  async listReviewers(cohortId: string, query: PageQueryDto): Promise<Page<CohortReviewer>> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    return paginate(this.reviewers.createQueryBuilder('r').where('r.cohort_id = :cohortId', { cohortId }), query, {
      sortColumn: 'r.created_at',
      idColumn: 'r.user_id',
      direction: 'ASC',
      keyOf: (r) => [r.createdAt.toISOString(), r.userId],
    });
  }

  /** Makes a person holding the reviewer role a jury member of the cohort. */
  async addReviewer(cohortId: string, userId: string): Promise<CohortReviewer> {
    return this.txHost.withTransaction(async () => {
      // The cohort first: outside it, nothing may be learnt about the person either.
      await this.access.require(CohortRecords, 'manage', cohortId, { lock: 'pessimistic_write' });
      const user = await this.users.findById(userId);
      if (!user || user.status !== 'active' || !user.roles.includes('reviewer')) {
        throw new UnprocessableError('not_a_reviewer', `${userId} is not an active user with the reviewer role; invite them as reviewer first.`);
      }
      if (await this.reviewers.existsBy({ cohortId, userId })) throw new ConflictError('already_reviewer', 'This person already reviews for this cohort.');
      const reviewer = await this.reviewers.save(this.reviewers.create({ cohortId, userId }));
      await this.audit.record({ action: 'cohort.reviewer_added', entityType: 'cohort', entityId: cohortId, details: { userId } });
      return reviewer;
    });
  }

  /**
   * An invited reviewer joins the cohort named in the invitation, when whoever invited them
   * manages it (a manager cannot place reviewers in another programme's cohort).
   */
  async addInvitedReviewer(cohortId: string, userId: string, invitedBy: string | null, invitationId: string): Promise<void> {
    const cohort = await this.cohorts.findOneBy({ id: cohortId });
    const inviter = invitedBy ? await this.users.findById(invitedBy) : null;
    if (!cohort || !inviter) return;
    const mayPlace =
      inviter.roles.includes('admin') || (await this.txHost.tx.getRepository(ProgrammeManager).existsBy({ programmeId: cohort.programmeId, userId: inviter.id }));
    if (!mayPlace) return;
    await this.reviewers.createQueryBuilder().insert().values({ cohortId, userId }).orIgnore().execute();
    await this.audit.record({ action: 'cohort.reviewer_added', entityType: 'cohort', entityId: cohortId, actorId: userId, details: { userId, invitationId } });
  }
}
