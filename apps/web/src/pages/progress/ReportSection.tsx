import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnTable, type Column } from '@web/components/CaptionedTable';
import { QueryState } from '@web/components/QueryState';
import { downloadReportCsv, type ReportName } from './reports';

/**
 * One report: its chart above a table of the same numbers (the table is what a screen reader
 * reads; the chart repeats it for the eye) and the report as CSV.
 */
export function ReportSection<R>({
  cohortId,
  report,
  title,
  query,
  chart,
  columns,
  rowKey,
}: {
  cohortId: string;
  report: ReportName;
  title: string;
  query: UseQueryResult<R[]>;
  chart: (rows: R[]) => ReactNode;
  columns: Column<R>[];
  rowKey: (row: R) => string;
}) {
  const { t } = useTranslation('progress');
  const id = `report-${report}`;
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <CsvButton cohortId={cohortId} report={report} title={title} />
      </Group>
      <QueryState query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <Text>{t('impact.empty')}</Text>
          ) : (
            <Stack gap="lg">
              <Box role="img" aria-label={t('impact.chartLabel', { title })} h={300} miw={0}>
                {chart(rows)}
              </Box>
              <ColumnTable caption={title} rows={rows} columns={columns} rowKey={rowKey} />
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}

function CsvButton({ cohortId, report, title }: { cohortId: string; report: ReportName; title: string }) {
  const { t } = useTranslation('progress');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    try {
      await downloadReportCsv(cohortId, report, report);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <Box>
      <Button variant="light" size="sm" loading={state === 'busy'} onClick={() => void download()} aria-label={t('impact.download', { title })}>
        {t('impact.csv')}
      </Button>
      {state === 'failed' && (
        <Alert color="red" variant="light" role="alert" mt="xs" p="xs">
          {t('impact.downloadFailed')}
        </Alert>
      )}
    </Box>
  );
}
