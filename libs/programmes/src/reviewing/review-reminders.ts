import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Reminder } from '@samverka/platform';

/** An assignment counts as late once it has waited this long without a review. */
const LATE_AFTER_DAYS = 3;

interface LateReviews {
  reviewerId: string;
  cohortId: string;
  cohortName: string;
  pending: number;
}

const applications = (n: number) => ({ sv: n === 1 ? '1 ansökan' : `${n} ansökningar`, en: n === 1 ? '1 application awaits' : `${n} applications await` });

/** Reviewers whose scores the manager is waiting for: one reminder per reviewer and cohort, naming how many are left. */
@Injectable()
export class ReviewReminders {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Assignments older than three days, without a review, on applications still undecided in cohorts that are selecting. */
  async due(): Promise<Reminder[]> {
    const late: LateReviews[] = await this.txHost.tx.query(
      `SELECT ra.reviewer_id AS "reviewerId", c.id AS "cohortId", c.name AS "cohortName", count(*)::int AS pending
         FROM review_assignments ra
         JOIN applications a ON a.id = ra.application_id AND a.state = 'submitted'
         JOIN cohorts c ON c.id = a.cohort_id AND c.state = 'selecting'
        WHERE ra.created_at < now() - make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = ra.application_id AND r.reviewer_id = ra.reviewer_id)
        GROUP BY ra.reviewer_id, c.id, c.name`,
      [LATE_AFTER_DAYS],
    );
    return late.map(({ reviewerId, cohortId, cohortName, pending }) => {
      const count = applications(pending);
      return {
        type: 'review.reminder',
        subjectId: cohortId,
        recipientIds: [reviewerId],
        title: { sv: 'Ansökningar väntar på din bedömning', en: 'Applications await your review' },
        body: { sv: `${count.sv} i ${cohortName} väntar på din bedömning.`, en: `${count.en} your review in ${cohortName}.` },
        data: { cohortId, pending },
      };
    });
  }
}
