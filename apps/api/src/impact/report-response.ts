import type { ReportRow, ReportTable } from '@samverka/impact';
import { toCsv } from '@samverka/platform';
import type { FastifyReply } from 'fastify';
import type { ReportQuery } from './dto/reports.dto.js';

export interface ReportBody {
  report: string;
  cohortId: string;
  rows: ReportRow[];
}

/** Every report answers the same way: JSON by default, or the same rows as CSV with ?format=csv. */
export function reportResponse(table: ReportTable, query: ReportQuery, response: FastifyReply): ReportBody | string {
  if (query.format !== 'csv') return { report: table.report, cohortId: table.cohortId, rows: table.rows };
  response.header('Content-Type', 'text/csv; charset=utf-8');
  response.header('Content-Disposition', `attachment; filename="${table.report}-${table.cohortId}.csv"`);
  return toCsv(
    table.columns,
    table.rows.map((row) => table.columns.map((column) => row[column])),
  );
}
