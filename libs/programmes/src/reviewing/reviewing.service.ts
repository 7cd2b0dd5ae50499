import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, assertVersion, AuditTrail, ConflictError, type FieldError, isUniqueViolation, mapPage, NotFoundError, type Page, type PageQueryDto, paginate, UnprocessableError, ValidationFailedError } from '@samverka/platform';
import { ApplicationRecords, CohortRecords } from '../access/programme-access.js';
import { Application } from '../applications/application.entity.js';
import { isAwaitingDecision } from '../applications/application-lifecycle.js';
import type { RubricCriterion } from '../content/cohort-content.js';
import { Cohort, CohortReviewer } from '../cohorts/cohort.entity.js';
import { In } from 'typeorm';
import { Review, ReviewAssignment, ReviewConflict, type ConflictScope } from './review.entity.js';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** Who is assigned to an application and whether they have reviewed it: the manager's view, without the scores. */
export interface AssignedReviewer {
  reviewerId: string;
  reviewerName: string;
  assignedAt: Date;
  /** When their review was last saved; null while it is still to be written. */
  reviewedAt: Date | null;
}

export interface ReviewInput {
  scores: Record<string, unknown>;
  comment?: string;
}

/** Every rubric criterion scored with a whole number 1..5, and nothing else. */
export function scoreProblems(rubric: readonly RubricCriterion[], scores: Record<string, unknown>): FieldError[] {
  const keys = new Set(rubric.map((criterion) => criterion.key));
  const unknown = Object.keys(scores)
    .filter((key) => !keys.has(key))
    .map((key) => ({ field: `scores.${key}`, message: `${key} is not a criterion of this cohort's rubric` }));
  const invalid = rubric
    .filter((criterion) => {
      const score = scores[criterion.key];
      return !(typeof score === 'number' && Number.isInteger(score) && score >= MIN_SCORE && score <= MAX_SCORE);
    })
    .map((criterion) => ({ field: `scores.${criterion.key}`, message: `"${criterion.label}" needs a whole-number score from ${MIN_SCORE} to ${MAX_SCORE}` }));
  return [...unknown, ...invalid];
}

@Injectable()
export class ReviewingService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly users: UsersService,
  ) {}

  private repo<E extends object>(entity: new () => E) {
    return this.txHost.tx.getRepository(entity);
  }

  private cohortOf(application: Application): Promise<Cohort> {
    return this.repo(Cohort).findOneByOrFail({ id: application.cohortId });
  }

  /** A conflict with this application, or with its applicant, keeps the reviewer off it. */
  private hasConflict(reviewerId: string, application: Application): Promise<boolean> {
    return this.repo(ReviewConflict).exists({
      where: [
        { reviewerId, applicationId: application.id },
        { reviewerId, applicantId: application.applicantId, scope: 'applicant' },
      ],
    });
  }

  async assign(applicationId: string, reviewerId: string): Promise<ReviewAssignment> {
    return this.txHost.withTransaction(async () => {
      const application = await this.access.require(ApplicationRecords, 'manage', applicationId, { lock: 'pessimistic_write' });
      if (!isAwaitingDecision(application.state)) throw new ConflictError('application_not_under_review', `A ${application.state} application is not reviewed any more.`);
      if (!(await this.repo(CohortReviewer).existsBy({ cohortId: application.cohortId, userId: reviewerId }))) {
        throw new UnprocessableError('not_a_cohort_reviewer', `${reviewerId} is not a reviewer of this cohort; add them to the cohort's reviewers first.`);
      }
      if (reviewerId === application.applicantId || (await this.hasConflict(reviewerId, application))) {
        throw new ConflictError('reviewer_conflicted', 'This reviewer has a conflict of interest with this application or its applicant.');
      }
      let assignment: ReviewAssignment;
      try {
        assignment = await this.repo(ReviewAssignment).save(this.repo(ReviewAssignment).create({ applicationId, reviewerId, assignedBy: this.access.caller().id }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('already_assigned', 'This reviewer is already assigned to this application.');
        throw error;
      }
      await this.audit.record({ action: 'review_assignment.created', entityType: 'application', entityId: applicationId, details: { reviewerId } });
      return assignment;
    });
  }

  /**
   * A reviewer declares a conflict of interest. Their assignments it covers are removed, and
   * with them their scores leave the scoreboard (which counts only assigned reviewers' reviews).
   */
  async declareConflict(applicationId: string, scope: ConflictScope, reason: string): Promise<{ conflict: ReviewConflict; removedAssignments: string[] }> {
    return this.txHost.withTransaction(async () => {
      const application = await this.access.require(ApplicationRecords, 'review', applicationId, { lock: 'pessimistic_write' });
      const reviewerId = this.access.caller().id;
      const conflict = await this.repo(ReviewConflict).save(
        this.repo(ReviewConflict).create({ reviewerId, scope, applicationId, applicantId: application.applicantId, reason }),
      );
      const covered = this.repo(ReviewAssignment)
        .createQueryBuilder('ra')
        .where('ra.reviewer_id = :reviewerId', { reviewerId })
        .andWhere(scope === 'application' ? 'ra.application_id = :applicationId' : 'ra.application_id IN (SELECT id FROM applications WHERE applicant_id = :applicantId)', {
          applicationId,
          applicantId: application.applicantId,
        });
      const removed = await covered.getMany();
      await this.repo(ReviewAssignment).remove(removed);
      await this.audit.record({ action: 'review_conflict.declared', entityType: 'application', entityId: applicationId, reason, subjectId: application.applicantId, details: { reviewerId, scope } });
      for (const assignment of removed) {
        await this.audit.record({ action: 'review_assignment.removed', entityType: 'application', entityId: assignment.applicationId, reason: 'conflict of interest', details: { reviewerId } });
      }
      return { conflict, removedAssignments: removed.map((assignment) => assignment.applicationId) };
    });
  }

  /**
   * The reviewers assigned to an application of a cohort you manage (404 otherwise), in the order
   * they were assigned, each with whether their review is in. A declared conflict removed the
   * assignment, so such a reviewer is not listed.
   */
  async listAssignedReviewers(applicationId: string, query: PageQueryDto): Promise<Page<AssignedReviewer>> {
    await this.access.require(ApplicationRecords, 'manage', applicationId);
    const page = await paginate(this.repo(ReviewAssignment).createQueryBuilder('ra').where('ra.application_id = :applicationId', { applicationId }), query, {
      sortColumn: 'ra.created_at',
      idColumn: 'ra.id',
      direction: 'ASC',
      keyOf: (ra) => [ra.createdAt.toISOString(), ra.id],
    });
    const reviewerIds = page.items.map((assignment) => assignment.reviewerId);
    const reviews = reviewerIds.length ? await this.repo(Review).find({ where: { applicationId, reviewerId: In(reviewerIds) }, select: { reviewerId: true, updatedAt: true } }) : [];
    const reviewedAt = new Map(reviews.map((review) => [review.reviewerId, review.updatedAt]));
    const names = await this.users.displayNamesOf(reviewerIds);
    return mapPage(page, (assignment) => ({
      reviewerId: assignment.reviewerId,
      reviewerName: names.get(assignment.reviewerId) ?? '',
      assignedAt: assignment.createdAt,
      reviewedAt: reviewedAt.get(assignment.reviewerId) ?? null,
    }));
  }

  /** The conflicts of interest the reviewers of a cohort you manage declared, oldest first. */
  async listConflicts(cohortId: string, query: PageQueryDto): Promise<Page<ReviewConflict>> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const conflicts = this.repo(ReviewConflict)
      .createQueryBuilder('rc')
      .where('EXISTS (SELECT 1 FROM applications a WHERE a.id = rc.application_id AND a.cohort_id = :cohortId)', { cohortId });
    return paginate(conflicts, query, { sortColumn: 'rc.created_at', idColumn: 'rc.id', direction: 'ASC', keyOf: (c) => [c.createdAt.toISOString(), c.id] });
  }

  private async reviewableByCaller(applicationId: string): Promise<{ application: Application; cohort: Cohort }> {
    const application = await this.access.require(ApplicationRecords, 'review', applicationId, { lock: 'pessimistic_write' });
    if (!isAwaitingDecision(application.state)) throw new ConflictError('review_closed', `The application is ${application.state}; reviews can change only until the decision.`);
    return { application, cohort: await this.cohortOf(application) };
  }

  private assertScores(cohort: Cohort, scores: Record<string, unknown>): Record<string, number> {
    const problems = scoreProblems(cohort.rubric, scores);
    if (problems.length) throw new ValidationFailedError(problems);
    return scores as Record<string, number>;
  }

  async createReview(applicationId: string, input: ReviewInput): Promise<Review> {
    return this.txHost.withTransaction(async () => {
      const { cohort } = await this.reviewableByCaller(applicationId);
      const reviews = this.repo(Review);
      let review: Review;
      try {
        review = await reviews.save(reviews.create({ applicationId, reviewerId: this.access.caller().id, scores: this.assertScores(cohort, input.scores), comment: input.comment ?? '' }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('already_reviewed', 'You have already reviewed this application; change your review with PUT.');
        throw error;
      }
      await this.audit.record({ action: 'review.submitted', entityType: 'review', entityId: review.id, to: 'submitted', details: { applicationId } });
      return review;
    });
  }

  async updateReview(applicationId: string, expectedVersion: number | undefined, input: ReviewInput): Promise<Review> {
    return this.txHost.withTransaction(async () => {
      const { cohort } = await this.reviewableByCaller(applicationId);
      const reviews = this.repo(Review);
      const review = await reviews.findOne({ where: { applicationId, reviewerId: this.access.caller().id }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw new ConflictError('not_reviewed_yet', 'You have not reviewed this application yet; create your review with POST.');
      assertVersion('review', expectedVersion, review.version);
      Object.assign(review, { scores: this.assertScores(cohort, input.scores), comment: input.comment ?? review.comment });
      const saved = await reviews.save(review);
      await this.audit.record({ action: 'review.updated', entityType: 'review', entityId: review.id, details: { applicationId } });
      return saved;
    });
  }

  /**
   * Managers see every counted review; a reviewer sees their own, and the other assigned
   * reviewers' only once they have submitted theirs.
   */
  async listReviews(applicationId: string, query: PageQueryDto): Promise<Page<Review>> {
    const application = await this.access.require(ApplicationRecords, 'read', applicationId);
    const callerId = this.access.caller().id;
    const qb = this.repo(Review)
      .createQueryBuilder('r')
      .where('r.application_id = :applicationId', { applicationId: application.id })
      .andWhere('EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = r.application_id AND ra.reviewer_id = r.reviewer_id)');
    const manages = await this.access.allows(ApplicationRecords, 'manage', applicationId);
    if (!manages) {
      if (!(await this.access.allows(ApplicationRecords, 'review', applicationId))) throw new NotFoundError('Reviews of application', applicationId);
      if (!(await this.repo(Review).existsBy({ applicationId, reviewerId: callerId }))) qb.andWhere('r.reviewer_id = :callerId', { callerId });
    }
    return paginate(qb, query, { sortColumn: 'r.created_at', idColumn: 'r.id', direction: 'ASC', keyOf: (r) => [r.createdAt.toISOString(), r.id] });
  }
}
