import { Box, Stack, useMantineTheme } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSdgs } from '@web/api/reference';
import { PageTitle } from '@web/components/PageTitle';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { CohortTabs } from '@web/pages/manager/CohortTabs';
import { useCohort } from '@web/pages/manager/queries';
import { ReportSection } from './ReportSection';
import { useReport, type ReportRow } from './reports';

interface Series {
  key: string;
  name: string;
}

/** The charts' series colours, in order, and a legend in the text colour. */
function useChartStyle() {
  const theme = useMantineTheme();
  return {
    colours: [theme.colors.civic[7], theme.colors.orange[8], theme.colors.teal[8], theme.colors.grape[7]],
    legend: (name: string) => <span style={{ color: theme.black }}>{name}</span>,
  };
}

/** A bar chart of labelled rows, one bar (or stack) per series; horizontal bars leave room for long labels. */
function Bars<R extends object>({ rows, label, series, horizontal = false, stacked = false, unit }: { rows: R[]; label: (row: R) => string; series: Series[]; horizontal?: boolean; stacked?: boolean; unit?: string }) {
  const format = useFormat();
  const { colours, legend } = useChartStyle();
  const data = rows.map((row) => ({ ...row, label: label(row) }));
  const value = (v: unknown) => (typeof v === 'number' ? `${format.number(v)}${unit ?? ''}` : String(v));
  const category = horizontal ? <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} interval={0} /> : <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />;
  const amount = horizontal ? <XAxis type="number" tickFormatter={value} tick={{ fontSize: 12 }} /> : <YAxis tickFormatter={value} tick={{ fontSize: 12 }} width={48} />;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
        {category}
        {amount}
        <Tooltip formatter={value} />
        {series.length > 1 && <Legend formatter={legend} />}
        {series.map((s, index) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={colours[index % colours.length]} stackId={stacked ? 'stack' : undefined} maxBarSize={48} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The cohort's impact and learning reports, each as a chart, a table and a CSV file. */
export function ImpactPage() {
  const { t } = useTranslation('progress');
  const { cohortId } = useParams({ from: '/manage/cohorts/$cohortId/impact' });
  const cohort = useCohort(cohortId);
  return (
    <>
      <PageTitle intro={t('impact.intro')}>{cohort.data ? `${t('impact.title')}: ${cohort.data.name}` : t('impact.title')}</PageTitle>
      <CohortTabs cohortId={cohortId} />
      <Stack gap="xl">
        <Funnel cohortId={cohortId} />
        <StageTimes cohortId={cohortId} />
        <SdgCoverage cohortId={cohortId} />
        <Metrics cohortId={cohortId} />
        <MetricsOverTime cohortId={cohortId} />
        <Learnings cohortId={cohortId} />
        <Graduations cohortId={cohortId} />
      </Stack>
    </>
  );
}

function useNumbers() {
  const { t } = useTranslation('progress');
  const format = useFormat();
  return {
    n: (value: number | null): ReactNode => (value === null ? t('impact.none') : format.number(value)),
    percent: (share: number | null): ReactNode => (share === null ? t('impact.none') : `${format.number(Math.round(share * 1000) / 10)} %`),
  };
}

function Funnel({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n, percent } = useNumbers();
  const step = (row: ReportRow<'funnel'>) => t(`impact.funnel.steps.${row.step as 'applications'}`);
  return (
    <ReportSection
      cohortId={cohortId}
      report="funnel"
      title={t('impact.funnel.title')}
      query={useReport(cohortId, 'funnel')}
      chart={(rows) => <Bars rows={rows} label={step} series={[{ key: 'count', name: t('impact.funnel.count') }]} horizontal />}
      rowKey={(row) => row.step}
      columns={[
        { header: t('impact.funnel.step'), cell: step },
        { header: t('impact.funnel.count'), cell: (row) => n(row.count), numeric: true },
        { header: t('impact.funnel.share'), cell: (row) => percent(row.shareOfPrevious), numeric: true },
      ]}
    />
  );
}

function StageTimes({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n } = useNumbers();
  const stage = (row: ReportRow<'stage-times'>) => t(`stages.${row.stage as 'matched'}`);
  return (
    <ReportSection
      cohortId={cohortId}
      report="stage-times"
      title={t('impact.stageTimes.title')}
      query={useReport(cohortId, 'stage-times')}
      chart={(rows) => (
        <Bars
          rows={rows}
          label={stage}
          series={[
            { key: 'minDays', name: t('impact.stageTimes.min') },
            { key: 'medianDays', name: t('impact.stageTimes.median') },
            { key: 'maxDays', name: t('impact.stageTimes.max') },
          ]}
          horizontal
        />
      )}
      rowKey={(row) => row.stage}
      columns={[
        { header: t('impact.stageTimes.stage'), cell: stage },
        { header: t('impact.stageTimes.tracks'), cell: (row) => n(row.tracks), numeric: true },
        { header: t('impact.stageTimes.median'), cell: (row) => n(row.medianDays), numeric: true },
        { header: t('impact.stageTimes.min'), cell: (row) => n(row.minDays), numeric: true },
        { header: t('impact.stageTimes.max'), cell: (row) => n(row.maxDays), numeric: true },
      ]}
    />
  );
}

function SdgCoverage({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation('progress');
  const { n } = useNumbers();
  const sdgs = useSdgs().data ?? [];
  const name = (goal: number, fallback: string) => {
    const sdg = sdgs.find((s) => s.number === goal);
    return sdg ? (i18n.language === 'en' ? sdg.nameEn : sdg.nameSv) : fallback;
  };
  return (
    <ReportSection
      cohortId={cohortId}
      report="sdg-coverage"
      title={t('impact.sdg.title')}
      query={useReport(cohortId, 'sdg-coverage')}
      chart={(rows) => (
        <Bars
          rows={rows}
          label={(row) => String(row.goal)}
          series={[
            { key: 'challenges', name: t('impact.sdg.challenges') },
            { key: 'participants', name: t('impact.sdg.participants') },
            { key: 'measurements', name: t('impact.sdg.measurements') },
          ]}
          stacked
        />
      )}
      rowKey={(row) => String(row.goal)}
      columns={[
        { header: t('impact.sdg.goal'), cell: (row) => `${row.goal}. ${name(row.goal, row.name)}` },
        { header: t('impact.sdg.challenges'), cell: (row) => n(row.challenges), numeric: true },
        { header: t('impact.sdg.participants'), cell: (row) => n(row.participants), numeric: true },
        { header: t('impact.sdg.measurements'), cell: (row) => n(row.measurements), numeric: true },
      ]}
    />
  );
}

function Metrics({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n, percent } = useNumbers();
  const value = (row: ReportRow<'metrics'>) => {
    const aggregate = row.aggregation === 'sum' ? row.sum : row.average;
    return aggregate === null ? t('impact.none') : <>{n(aggregate)} {row.unit} ({t(`impact.metrics.${row.aggregation as 'sum'}`)})</>;
  };
  return (
    <ReportSection
      cohortId={cohortId}
      report="metrics"
      title={t('impact.metrics.title')}
      query={useReport(cohortId, 'metrics')}
      chart={(rows) => (
        <Bars
          rows={rows.map((row) => ({ ...row, sharePercent: row.shareOfTarget === null ? null : Math.round(row.shareOfTarget * 1000) / 10 }))}
          label={(row) => row.name}
          series={[{ key: 'sharePercent', name: t('impact.metrics.share') }]}
          horizontal
          unit=" %"
        />
      )}
      rowKey={(row) => row.metricId}
      columns={[
        { header: t('impact.metrics.metric'), cell: (row) => row.name },
        { header: t('impact.metrics.measurements'), cell: (row) => n(row.measurements), numeric: true },
        { header: t('impact.metrics.followUps'), cell: (row) => n(row.followUps), numeric: true },
        { header: t('impact.metrics.value'), cell: value, numeric: true },
        { header: t('impact.metrics.baseline'), cell: (row) => n(row.baseline), numeric: true },
        { header: t('impact.metrics.target'), cell: (row) => n(row.target), numeric: true },
        { header: t('impact.metrics.share'), cell: (row) => percent(row.shareOfTarget), numeric: true },
      ]}
    />
  );
}

type MetricMonth = ReportRow<'metrics-over-time'>;

/** One line per metric (its value in each month), months along the axis; a metric without measurements in a month has no point there. */
function MonthLines({ rows }: { rows: MetricMonth[] }) {
  const format = useFormat();
  const { colours, legend } = useChartStyle();
  const metrics = [...new Map(rows.map((row) => [row.metricId, `${row.name} (${row.unit})`])).entries()];
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const data = months.map((month) => ({
    month: format.month(month),
    ...Object.fromEntries(rows.filter((row) => row.month === month).map((row) => [row.metricId, row.value])),
  }));
  const number = (v: unknown) => (typeof v === 'number' ? format.number(v) : String(v));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        {/* Padding keeps the first and last month's labels and points clear of the edges. */}
        <XAxis dataKey="month" tick={{ fontSize: 12 }} padding={{ left: 24, right: 32 }} />
        <YAxis tickFormatter={number} tick={{ fontSize: 12 }} width={48} />
        <Tooltip formatter={number} />
        <Legend formatter={legend} />
        {metrics.map(([metricId, name], index) => (
          <Line key={metricId} dataKey={metricId} name={name} stroke={colours[index % colours.length]} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function MetricsOverTime({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n } = useNumbers();
  const format = useFormat();
  return (
    <ReportSection
      cohortId={cohortId}
      report="metrics-over-time"
      title={t('impact.metricsOverTime.title')}
      query={useReport(cohortId, 'metrics-over-time')}
      chart={(rows) => <MonthLines rows={rows} />}
      rowKey={(row) => `${row.metricId} ${row.month}`}
      columns={[
        { header: t('impact.metricsOverTime.metric'), cell: (row) => row.name },
        { header: t('impact.metricsOverTime.month'), cell: (row) => <Box component="span" style={{ whiteSpace: 'nowrap' }}>{format.month(row.month)}</Box> },
        { header: t('impact.metricsOverTime.measurements'), cell: (row) => n(row.measurements), numeric: true },
        { header: t('impact.metricsOverTime.value'), cell: (row) => <>{n(row.value)} {row.unit} ({t(`impact.metrics.${row.aggregation as 'sum'}`)})</>, numeric: true },
        { header: t('impact.metricsOverTime.cumulative'), cell: (row) => <>{n(row.cumulative)} {row.unit}</>, numeric: true },
      ]}
    />
  );
}

const KINDS = ['obstacle', 'enabler', 'insight', 'method'] as const;
type TagTotals = { tag: string; total: number } & Record<(typeof KINDS)[number], number>;

/** The report counts per tag and kind; the page shows a tag per row with its kinds side by side, obstacles and enablers first. */
function byTag(rows: ReportRow<'learnings'>[], untagged: string): TagTotals[] {
  const tags = new Map<string, TagTotals>();
  for (const row of rows) {
    const tag = row.tag ?? untagged;
    const totals = tags.get(tag) ?? { tag, total: 0, obstacle: 0, enabler: 0, insight: 0, method: 0 };
    totals[row.kind as (typeof KINDS)[number]] += row.entries;
    totals.total += row.entries;
    tags.set(tag, totals);
  }
  return [...tags.values()].sort((a, b) => b.total - a.total || swedishCollator.compare(a.tag, b.tag));
}

function Learnings({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n } = useNumbers();
  const untagged = t('impact.learnings.untagged');
  const query = useReport(cohortId, 'learnings', (rows) => byTag(rows, untagged));
  return (
    <ReportSection
      cohortId={cohortId}
      report="learnings"
      title={t('impact.learnings.title')}
      query={query}
      chart={(rows) => <Bars rows={rows.slice(0, 10)} label={(row) => row.tag} series={KINDS.map((kind) => ({ key: kind, name: t(`impact.learnings.kinds.${kind}`) }))} horizontal stacked />}
      rowKey={(row) => row.tag}
      columns={[
        { header: t('impact.learnings.tag'), cell: (row) => row.tag },
        ...KINDS.map((kind) => ({ header: t(`impact.learnings.kinds.${kind}`), cell: (row: TagTotals) => n(row[kind]), numeric: true })),
      ]}
    />
  );
}

function Graduations({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('progress');
  const { n } = useNumbers();
  const outcome = (row: ReportRow<'graduations'>) => t(`impact.graduations.outcomes.${row.outcome as 'other'}`);
  return (
    <ReportSection
      cohortId={cohortId}
      report="graduations"
      title={t('impact.graduations.title')}
      query={useReport(cohortId, 'graduations')}
      chart={(rows) => <Bars rows={rows} label={outcome} series={[{ key: 'graduates', name: t('impact.graduations.graduates') }]} horizontal />}
      rowKey={(row) => row.outcome}
      columns={[
        { header: t('impact.graduations.outcome'), cell: outcome },
        { header: t('impact.graduations.graduates'), cell: (row) => n(row.graduates), numeric: true },
      ]}
    />
  );
}
