import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, assertVersion, AuditTrail, type Condition, ConflictError, isUniqueViolation, Lifecycles, type Page, type PageQueryDto, paginate, paginateRows, selectList, ValidationFailedError } from '@samverka/platform';
import { ApplicationRecords, CohortRecords } from '../access/programme-access.js';
import type { Question } from '../content/cohort-content.js';
import type { CohortState } from '../programme-directory.service.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { answerProblems, withoutBlankAnswers } from './answers.js';
import { Application } from './application.entity.js';
import { applicationLifecycle, STATE_OF_DECISION, type ApplicationState, type Decision } from './application-lifecycle.js';

/** Decisions are taken while the manager selects, and (from the waitlist) while the cohort runs. */
const DECIDING_STATES: readonly CohortState[] = ['selecting', 'running'];

/** An application's every column, for a cohort's list (read by hand: see `paginateRows`). */
const APPLICATION_ROWS = `SELECT ${selectList<Application>('a', ['id', 'cohortId', 'applicantId', 'state', 'answers', 'submittedAt', 'decidedAt', 'decisionNote', 'version', 'createdAt', 'updatedAt'])} FROM applications a`;

function assertAnswers(questions: readonly Question[], answers: Record<string, unknown>): void {
  const problems = answerProblems(questions, answers);
  if (problems.length) throw new ValidationFailedError(problems, 'Some answers do not fit the cohort’s questions.');
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly lifecycles: Lifecycles,
  ) {}

  private get applications() {
    return this.txHost.tx.getRepository(Application);
  }

  private cohortOf(application: Application, lock = false) {
    // The caller already reached the application through the policy; its cohort comes with it.
    return this.txHost.tx.getRepository(Cohort).findOneOrFail({ where: { id: application.cohortId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
  }

  /** An entrepreneur starts their one application to an open cohort, as a draft. */
  async create(cohortId: string, answers: Record<string, unknown>): Promise<Application> {
    return this.txHost.withTransaction(async () => {
      const cohort = await this.access.require(CohortRecords, 'read', cohortId);
      if (cohort.state !== 'open') throw new ConflictError('cohort_not_open', `The cohort is ${cohort.state}; applications are taken only while it is open.`);
      assertAnswers(cohort.questions, answers);
      let application: Application;
      try {
        application = await this.applications.save(this.applications.create({ cohortId, applicantId: this.access.caller().id, state: 'draft', answers: withoutBlankAnswers(answers) }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('already_applied', 'You have already applied to this cohort; edit that application instead.');
        throw error;
      }
      await this.audit.record({ action: 'application.created', entityType: 'application', entityId: application.id, to: 'draft', details: { cohortId } });
      return application;
    });
  }

  /** Managers see the cohort's submitted applications, applicants their own, reviewers those assigned to them. */
  async listOfCohort(cohortId: string, query: PageQueryDto, state?: ApplicationState): Promise<Page<Application>> {
    await this.access.require(CohortRecords, 'read', cohortId);
    const where: Condition[] = [{ sql: 'a.cohort_id = :cohortId', params: { cohortId } }, await this.access.where(ApplicationRecords, 'read', 'a')];
    if (state) where.push({ sql: 'a.state = :state', params: { state } });
    return paginateRows(this.txHost.tx, APPLICATION_ROWS, where, query, { sortColumn: 'a.created_at', idColumn: 'a.id', direction: 'ASC', keyOf: (a) => [a.createdAt.toISOString(), a.id] });
  }

  get(id: string): Promise<Application> {
    return this.access.require(ApplicationRecords, 'read', id);
  }

  async updateAnswers(id: string, expectedVersion: number | undefined, answers: Record<string, unknown>): Promise<Application> {
    return this.txHost.withTransaction(async () => {
      const application = await this.access.require(ApplicationRecords, 'own', id, { lock: 'pessimistic_write' });
      assertVersion('application', expectedVersion, application.version);
      if (application.state !== 'draft') throw new ConflictError('application_not_editable', `A ${application.state} application cannot be edited; only drafts can.`);
      assertAnswers((await this.cohortOf(application)).questions, answers);
      application.answers = withoutBlankAnswers(answers);
      const saved = await this.applications.save(application);
      await this.audit.record({ action: 'application.updated', entityType: 'application', entityId: id });
      return saved;
    });
  }

  async submit(id: string): Promise<Application> {
    return this.txHost.withTransaction(async () => {
      const application = await this.access.require(ApplicationRecords, 'own', id, { lock: 'pessimistic_write' });
      applicationLifecycle.assertMove(application.state, 'submitted');
      const cohort = await this.cohortOf(application);
      const now = Date.now();
      if (cohort.state !== 'open' || now < cohort.applicationOpensAt.getTime() || now >= cohort.applicationClosesAt.getTime()) {
        throw new ConflictError(
          'application_window_closed',
          `Applications can be submitted only while the cohort is open, from ${cohort.applicationOpensAt.toISOString()} until ${cohort.applicationClosesAt.toISOString()}.`,
          { cohortState: cohort.state, opensAt: cohort.applicationOpensAt.toISOString(), closesAt: cohort.applicationClosesAt.toISOString() },
        );
      }
      assertAnswers(cohort.questions, application.answers);
      return this.move(application, 'submitted', 'application.submitted', undefined, { submittedAt: new Date() });
    });
  }

  async withdraw(id: string, reason?: string): Promise<Application> {
    return this.txHost.withTransaction(async () => {
      const application = await this.access.require(ApplicationRecords, 'own', id, { lock: 'pessimistic_write' });
      return this.move(application, 'withdrawn', 'application.withdrawn', reason);
    });
  }

  /**
   * The manager's decision. Accepting locks the cohort row first, so two managers taking the
   * last seat at once are serialised: the second one finds the seats taken (409).
   */
  async decide(id: string, decision: Decision, note?: string): Promise<Application> {
    return this.txHost.withTransaction(async () => {
      const managed = await this.access.require(ApplicationRecords, 'manage', id);
      const cohort = await this.cohortOf(managed, true);
      const application = await this.applications.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const to = STATE_OF_DECISION[decision];
      applicationLifecycle.assertMove(application.state, to);
      if (!DECIDING_STATES.includes(cohort.state)) {
        throw new ConflictError('cohort_not_selecting', `Decisions are taken while the cohort is selecting or running; it is ${cohort.state}.`);
      }
      if (to === 'accepted') {
        const accepted = await this.applications.countBy({ cohortId: cohort.id, state: 'accepted' });
        if (accepted >= cohort.seats) throw new ConflictError('seats_exhausted', `All ${cohort.seats} seats of the cohort are taken.`, { seats: cohort.seats, accepted });
      }
      // The applicant is told by the lifecycle's `decided` hook (see application-lifecycle.ts).
      return this.move(application, to, 'application.decided', note, { decidedAt: new Date(), decisionNote: note ?? null });
    });
  }

  private async move(application: Application, to: ApplicationState, action: string, reason?: string, changes: Partial<Application> = {}): Promise<Application> {
    const from = application.state;
    return this.lifecycles.move(applicationLifecycle, { subject: { application }, from, to, reason }, async () => {
      const saved = await this.applications.save(Object.assign(application, changes, { state: to }));
      await this.audit.record({ action, entityType: 'application', entityId: application.id, from, to, reason, subjectId: application.applicantId, details: { cohortId: application.cohortId } });
      return saved;
    });
  }

  /** The participants: accepted applicants, in the order they were accepted. */
  async participants(cohortId: string, query: PageQueryDto): Promise<Page<Application>> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const qb = this.applications.createQueryBuilder('a').where('a.cohort_id = :cohortId', { cohortId }).andWhere(`a.state = 'accepted'`);
    return paginate(qb, query, { sortColumn: 'a.decided_at', idColumn: 'a.id', direction: 'ASC', keyOf: (a) => [a.decidedAt?.toISOString() ?? '', a.id] });
  }
}
