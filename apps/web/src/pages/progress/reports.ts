import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { saveFile } from '@web/components/download';
import { progressKeys } from './queries';

export const REPORTS = {
  funnel: '/api/cohorts/{id}/reports/funnel',
  'stage-times': '/api/cohorts/{id}/reports/stage-times',
  'sdg-coverage': '/api/cohorts/{id}/reports/sdg-coverage',
  metrics: '/api/cohorts/{id}/reports/metrics',
  'metrics-over-time': '/api/cohorts/{id}/reports/metrics-over-time',
  learnings: '/api/cohorts/{id}/reports/learnings',
  graduations: '/api/cohorts/{id}/reports/graduations',
} as const;
export type ReportName = keyof typeof REPORTS;

interface ReportRows {
  funnel: Schemas['FunnelRow'];
  'stage-times': Schemas['StageTimeRow'];
  'sdg-coverage': Schemas['SdgCoverageRow'];
  metrics: Schemas['MetricTotalRow'];
  'metrics-over-time': Schemas['MetricMonthRow'];
  learnings: Schemas['LearningTagRow'];
  graduations: Schemas['GraduationRow'];
}
export type ReportRow<N extends ReportName> = ReportRows[N];

// Every report has the same shape ({report, cohortId, rows}); one path stands for all in the types.
const reportPath = (report: ReportName) => REPORTS[report] as (typeof REPORTS)['funnel'];

/** A report's rows, or a view of them (`view` reshapes them for a page). */
export function useReport<N extends ReportName, T = ReportRow<N>[]>(cohortId: string, report: N, view?: (rows: ReportRow<N>[]) => T) {
  return useQuery({
    queryKey: progressKeys.report(cohortId, report),
    queryFn: async () => unwrap(await api.GET(reportPath(report), { params: { path: { id: cohortId } } })),
    select: (body): T => {
      const rows = body.rows as unknown as ReportRow<N>[];
      return view ? view(rows) : (rows as T);
    },
  });
}

/** Saves the report as the API writes it in CSV (the same rows as the JSON), under a name saying which report it is. */
export async function downloadReportCsv(cohortId: string, report: ReportName, fileName: string): Promise<void> {
  const csv = unwrap(await api.GET(reportPath(report), { params: { path: { id: cohortId }, query: { format: 'csv' } }, parseAs: 'text' })) as unknown as string;
  saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}
