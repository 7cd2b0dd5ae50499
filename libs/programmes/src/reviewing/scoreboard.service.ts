import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, queryRows, selectList } from '@samverka/platform';
import { CohortRecords } from '../access/programme-access.js';
import type { Application } from '../applications/application.entity.js';
import type { ApplicationState } from '../applications/application-lifecycle.js';
import type { Cohort } from '../cohorts/cohort.entity.js';
import type { Review } from './review.entity.js';
import { buildScoreboard, type ReviewerStatistics, type ScoredReview, type ScoreboardRow } from './scoreboard.js';

/** Applications that compete for a seat (not drafts, not withdrawn). */
const IN_SELECTION: ApplicationState[] = ['submitted', 'waitlisted', 'accepted', 'rejected'];

// Read by hand, only the columns the board needs: loading the cohort's applications and reviews
// as whole entities through TypeORM was most of the difference to the floor in bench:api.
const APPLICATIONS_IN_SELECTION = `SELECT ${selectList<Application>('a', ['id', 'applicantId', 'state'])} FROM applications a
  WHERE a.cohort_id = $1 AND a.state = ANY($2::text[]) ORDER BY a.submitted_at, a.id`;
// Only reviews of currently assigned reviewers count: a declared conflict removes the assignment.
const REVIEWS_THAT_COUNT = `SELECT ${selectList<Review>('r', ['applicationId', 'reviewerId', 'scores'])} FROM reviews r
  WHERE r.application_id = ANY($1::uuid[])
    AND EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = r.application_id AND ra.reviewer_id = r.reviewer_id)
  ORDER BY r.created_at, r.id`;

type SelectionEntry = Pick<Application, 'id' | 'applicantId' | 'state'>;

export interface CohortScoreboard {
  cohort: Cohort;
  rows: (ScoreboardRow & { applicantId: string; applicantName: string; state: ApplicationState })[];
  reviewers: (ReviewerStatistics & { reviewerName: string })[];
}

@Injectable()
export class ScoreboardService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly users: UsersService,
  ) {}

  async of(cohortId: string): Promise<CohortScoreboard> {
    const cohort = await this.access.require(CohortRecords, 'manage', cohortId);
    const applications = await queryRows<SelectionEntry>(this.txHost.tx, APPLICATIONS_IN_SELECTION, [cohortId, IN_SELECTION]);
    const reviews = applications.length ? await queryRows<ScoredReview>(this.txHost.tx, REVIEWS_THAT_COUNT, [applications.map((a) => a.id)]) : [];
    const board = buildScoreboard(
      applications.map((a) => a.id),
      reviews,
      cohort.rubric,
    );
    const names = await this.namesOf([...applications.map((a) => a.applicantId), ...board.reviewers.map((r) => r.reviewerId)]);
    const byId = new Map(applications.map((a) => [a.id, a]));
    return {
      cohort,
      rows: board.rows.map((row) => {
        const application = byId.get(row.applicationId) as SelectionEntry;
        return { ...row, applicantId: application.applicantId, applicantName: names.get(application.applicantId) ?? '', state: application.state };
      }),
      reviewers: board.reviewers.map((reviewer) => ({ ...reviewer, reviewerName: names.get(reviewer.reviewerId) ?? '' })),
    };
  }

  private namesOf(userIds: string[]): Promise<Map<string, string>> {
    return this.users.displayNamesOf(userIds);
  }
}
