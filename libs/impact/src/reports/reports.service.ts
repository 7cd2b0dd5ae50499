import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, queryRows } from '@samverka/platform';
import { CohortRecords } from '@samverka/programmes';
import { REPORTS, type ReportName, type ReportRow } from './report-queries.js';

export interface ReportTable {
  report: ReportName;
  cohortId: string;
  columns: readonly string[];
  rows: ReportRow[];
}

/** The cohort reports, for the managers of the cohort's programme (and admins); others: 404. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
  ) {}

  async run(cohortId: string, report: ReportName): Promise<ReportTable> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const { columns, sql } = REPORTS[report];
    const rows = await queryRows<ReportRow>(this.txHost.tx, sql, [cohortId]);
    return { report, cohortId, columns, rows };
  }
}
