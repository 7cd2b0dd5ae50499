import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy } from '@samverka/platform';
import { In } from 'typeorm';
import { CohortRecords } from '../access/programme-access.js';
import { Application } from '../applications/application.entity.js';
import type { ApplicationState } from '../applications/application-lifecycle.js';
import type { Cohort } from '../cohorts/cohort.entity.js';
import { Review } from './review.entity.js';
import { buildScoreboard, type ReviewerStatistics, type ScoreboardRow } from './scoreboard.js';

/** Applications that compete for a seat (not drafts, not withdrawn). */
const IN_SELECTION: ApplicationState[] = ['submitted', 'waitlisted', 'accepted', 'rejected'];

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
    const applications = await this.txHost.tx
      .getRepository(Application)
      .find({ where: { cohortId, state: In(IN_SELECTION) }, order: { submittedAt: 'ASC', id: 'ASC' } });
    // Only reviews of currently assigned reviewers count: a declared conflict removes the assignment.
    const reviews = applications.length
      ? await this.txHost.tx
          .getRepository(Review)
          .createQueryBuilder('r')
          .where('r.application_id IN (:...ids)', { ids: applications.map((a) => a.id) })
          .andWhere('EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = r.application_id AND ra.reviewer_id = r.reviewer_id)')
          .getMany()
      : [];
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
        const application = byId.get(row.applicationId) as Application;
        return { ...row, applicantId: application.applicantId, applicantName: names.get(application.applicantId) ?? '', state: application.state };
      }),
      reviewers: board.reviewers.map((reviewer) => ({ ...reviewer, reviewerName: names.get(reviewer.reviewerId) ?? '' })),
    };
  }

  private namesOf(userIds: string[]): Promise<Map<string, string>> {
    return this.users.displayNamesOf(userIds);
  }
}
