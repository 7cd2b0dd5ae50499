import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, decodeCursor, invalidCursor, NotFoundError, type Page, type PageQueryDto, toPage } from '@samverka/platform';
import type { ApplicationState } from '../applications/application-transitions.js';

/** Where a reviewer stands with one application: their own work, not the application's. */
export const ASSIGNMENT_STATUSES = ['to_review', 'reviewed', 'conflict_declared', 'closed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface ReviewerAssignment {
  applicationId: string;
  cohortId: string;
  cohortName: string;
  applicantName: string;
  applicationState: ApplicationState;
  status: AssignmentStatus;
  submittedAt: Date;
  reviewedAt: Date | null;
}

interface Row {
  application_id: string;
  cohort_id: string;
  cohort_name: string;
  applicant_id: string;
  application_state: ApplicationState;
  status: AssignmentStatus;
  submitted_at: Date;
  reviewed_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A declared conflict outweighs a review written before it; an unreviewed application stops waiting at the decision.
const STATUS = `CASE
  WHEN EXISTS (SELECT 1 FROM review_conflicts rc WHERE rc.application_id = a.id AND rc.reviewer_id = $1) THEN 'conflict_declared'
  WHEN r.id IS NOT NULL THEN 'reviewed'
  WHEN a.state = 'submitted' THEN 'to_review'
  ELSE 'closed' END`;

/**
 * The caller's own reviewing work across cohorts: the applications assigned to them and those
 * they declared a conflict with (which took the assignment away), oldest submission first.
 */
@Injectable()
export class ReviewAssignmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly users: UsersService,
  ) {}

  async listMine(page: PageQueryDto, status?: AssignmentStatus): Promise<Page<ReviewerAssignment>> {
    const params: unknown[] = [this.access.caller().id];
    const where: string[] = [];
    if (status) where.push(`status = $${params.push(status)}`);
    if (page.cursor) {
      const [submittedAt, id] = decodeCursor(page.cursor);
      if (Number.isNaN(Date.parse(String(submittedAt))) || !UUID.test(id)) throw invalidCursor();
      where.push(`(submitted_at, application_id) > ($${params.push(submittedAt)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows = await this.rows(where, params, page.limit + 1);
    return toPage(await this.withNames(rows), page.limit, (item) => [item.submittedAt.toISOString(), item.applicationId]);
  }

  /** One of the caller's assignments or declared conflicts; 404 for any other application. */
  async getMine(applicationId: string): Promise<ReviewerAssignment> {
    const [row] = await this.rows(['application_id = $2'], [this.access.caller().id, applicationId], 1);
    if (!row) throw new NotFoundError('Review assignment', applicationId);
    const [assignment] = await this.withNames([row]);
    return assignment;
  }

  private rows(where: string[], params: unknown[], limit: number): Promise<Row[]> {
    return this.txHost.tx.query(
      `SELECT * FROM (
         SELECT a.id AS application_id, a.cohort_id, c.name AS cohort_name, a.applicant_id, a.state AS application_state,
                a.submitted_at, r.updated_at AS reviewed_at, ${STATUS} AS status
           FROM applications a
           JOIN cohorts c ON c.id = a.cohort_id
           LEFT JOIN reviews r ON r.application_id = a.id AND r.reviewer_id = $1
          WHERE EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = a.id AND ra.reviewer_id = $1)
             OR EXISTS (SELECT 1 FROM review_conflicts rc WHERE rc.application_id = a.id AND rc.reviewer_id = $1)
       ) mine
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY submitted_at, application_id
       LIMIT ${limit}`,
      params,
    );
  }

  private async withNames(rows: Row[]): Promise<ReviewerAssignment[]> {
    const names = await this.users.displayNamesOf(rows.map((row) => row.applicant_id));
    return rows.map((row) => ({
      applicationId: row.application_id,
      cohortId: row.cohort_id,
      cohortName: row.cohort_name,
      applicantName: names.get(row.applicant_id) ?? '',
      applicationState: row.application_state,
      status: row.status,
      submittedAt: row.submitted_at,
      reviewedAt: row.reviewed_at,
    }));
  }
}
