import { Anchor, Blockquote, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useCounties, useSdgs } from '@web/api/reference';
import { ColumnTable } from '@web/components/CaptionedTable';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { json, queryString, useGoalName } from './open-data';
import { OpenTabs } from './OpenTabs';

type Group = Schemas['OpenLearningGroupView'];
type Figure = Schemas['OpenImpactFigureView'];
type By = 'kind' | 'tag' | 'stage' | 'departmentType';
const BY: readonly By[] = ['kind', 'tag', 'stage', 'departmentType'];

interface Filters {
  year?: number;
  sdg?: number;
  county?: string;
}

/** Everyone's page, signed in or not: the programmes' aggregated learnings and impact figures, from the open data. */
export function WhatWeLearnedPage() {
  const { t } = useTranslation('open');
  const [by, setBy] = useState<By>('kind');
  const [filters, setFilters] = useState<Filters>({});
  return (
    <>
      <PageTitle intro={t('intro')}>{t('title')}</PageTitle>
      <OpenTabs />
      <FilterFields by={by} onBy={setBy} filters={filters} onFilters={setFilters} />
      <Stack gap="xl">
        <Learnings by={by} filters={filters} />
        <Impact filters={filters} />
      </Stack>
    </>
  );
}

function FilterFields({ by, onBy, filters, onFilters }: { by: By; onBy: (by: By) => void; filters: Filters; onFilters: (filters: Filters) => void }) {
  const { t } = useTranslation('open');
  const sdgs = useSdgs();
  const goalName = useGoalName();
  const counties = useCounties();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <Paper component="fieldset" withBorder p="md" mb="xl">
      <Text component="legend" fw={600} px={4}>
        {t('filters.legend')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Select label={t('filters.by')} data={BY.map((value) => ({ value, label: t(`filters.byOptions.${value}`) }))} value={by} onChange={(value) => value && onBy(value as By)} allowDeselect={false} />
        <Select
          label={t('filters.year')}
          data={[{ value: '', label: t('filters.anyYear') }, ...years.map((year) => ({ value: year, label: year }))]}
          value={filters.year ? String(filters.year) : ''}
          onChange={(value) => onFilters({ ...filters, year: value ? Number(value) : undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('filters.sdg')}
          searchable
          data={[{ value: '', label: t('filters.anySdg') }, ...(sdgs.data ?? []).map((goal) => ({ value: String(goal.number), label: goalName(goal.number) }))]}
          value={filters.sdg ? String(filters.sdg) : ''}
          onChange={(value) => onFilters({ ...filters, sdg: value ? Number(value) : undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('filters.county')}
          searchable
          data={[{ value: '', label: t('filters.anyCounty') }, ...(counties.data ?? []).map((county) => ({ value: county.code, label: county.name }))]}
          value={filters.county ?? ''}
          onChange={(value) => onFilters({ ...filters, county: value || undefined })}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** A section of the page with its heading and a link to the same list as CSV. */
function OpenSection({ id, title, csv, children }: { id: string; title: string; csv: string; children: ReactNode }) {
  const { t } = useTranslation('open');
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Anchor href={csv} download>
          {t('csv')}
        </Anchor>
      </Group>
      {children}
    </Paper>
  );
}

function useOpenList<T>(key: unknown[], fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

function Learnings({ by, filters }: { by: By; filters: Filters }) {
  const { t } = useTranslation('open');
  const query = useOpenList(['open', 'learnings', by, filters], async (cursor) => json(unwrap(await api.GET('/api/open/learnings', { params: { query: { by, ...filters, cursor, limit: 50 } } }))));
  return (
    <OpenSection id="open-learnings" title={t('learnings.title')} csv={`/api/open/learnings?${queryString({ by, ...filters, format: 'csv', limit: 100 })}`}>
      <QueryState query={query}>
        {(data) => {
          const groups = data.pages.flatMap((page) => page.items);
          if (!groups.length) return <Text>{t('learnings.empty')}</Text>;
          return (
            <Stack gap="md">
              {groups.map((group) => (
                <LearningGroup key={`${group.programmeId}|${group.year}|${group.other}|${group.value ?? ''}`} group={group} />
              ))}
              {query.hasNextPage && (
                <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
                  {t('showMore', { ns: 'common' })}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </OpenSection>
  );
}

function useGroupName() {
  const { t } = useTranslation('open');
  return (group: Group): string => {
    if (group.other) return t('learnings.other');
    if (group.value === null) return group.by === 'tag' ? t('learnings.untagged') : t('learnings.unknown');
    if (group.by === 'kind') return t(`kinds.${group.value as 'insight'}`);
    if (group.by === 'stage') return t(`stages.${group.value as 'matched'}`);
    return group.value;
  };
}

function LearningGroup({ group }: { group: Group }) {
  const { t } = useTranslation('open');
  const format = useFormat();
  const name = useGroupName();
  return (
    <Paper bg="gray.0" p="md">
      <Text size="sm" c="gray.8">
        {t('learnings.programmeYear', { programme: group.programme, year: group.year })}
      </Text>
      <Title order={3} size="h4">
        {name(group)}
      </Title>
      <Text>{t('learnings.counts', { learnings: format.number(group.learnings), tracks: format.number(group.tracks), people: format.number(group.people) })}</Text>
      {group.texts.length > 0 && (
        <Stack gap="xs" mt="sm">
          <Text fw={600}>{t('learnings.texts')}</Text>
          {group.texts.map((text) => (
            <Blockquote key={text.text} p="sm" color="civic" style={{ whiteSpace: 'pre-wrap' }}>
              <Text size="sm" c="gray.8" mb={4}>
                {t(`kinds.${text.kind as 'insight'}`)}
              </Text>
              {text.text}
            </Blockquote>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Impact({ filters }: { filters: Filters }) {
  const { t } = useTranslation('open');
  const query = useOpenList(['open', 'impact', filters], async (cursor) => json(unwrap(await api.GET('/api/open/impact', { params: { query: { ...filters, cursor, limit: 100 } } }))));
  return (
    <OpenSection id="open-impact" title={t('impact.title')} csv={`/api/open/impact?${queryString({ ...filters, format: 'csv', limit: 100 })}`}>
      <QueryState query={query}>
        {(data) => {
          const figures = data.pages.flatMap((page) => page.items);
          if (!figures.length) return <Text>{t('impact.empty')}</Text>;
          const cohorts = [...new Set(figures.map((f) => f.cohortId))].map((id) => figures.filter((f) => f.cohortId === id));
          return (
            <Stack gap="xl">
              {cohorts.map((cohortFigures) => (
                <CohortFigures key={cohortFigures[0].cohortId} figures={cohortFigures} />
              ))}
              {query.hasNextPage && (
                <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
                  {t('showMore', { ns: 'common' })}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </OpenSection>
  );
}

const figureKey = (figure: Figure) => `${figure.section}|${figure.key ?? ''}`;

/** A cohort's figures, a captioned table per section, a section left out when it has no rows. */
function CohortFigures({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation('open');
  const format = useFormat();
  const goalName = useGoalName();
  const [first] = figures;
  const n = (value: number | null) => (value === null ? t('impact.none') : format.number(value));
  const section = (name: Figure['section']) => figures.filter((f) => f.section === name);
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t('impact.cohort', { cohort: first.cohort, programme: first.programme, year: first.year })}
      </Title>
      {section('metric').length > 0 && (
        <ColumnTable
          caption={t('impact.metrics')}
          rows={section('metric')}
          rowKey={figureKey}
          minWidth={480}
          columns={[
            { header: t('impact.metric'), cell: (f) => f.key },
            { header: t('impact.value'), cell: (f) => `${n(f.value)} ${f.unit ?? ''}`, numeric: true },
            { header: t('impact.measurements'), cell: (f) => n(f.measurements), numeric: true },
            { header: t('impact.shareOfTarget'), cell: (f) => (f.shareOfTarget === null ? t('impact.none') : `${format.number(Math.round(f.shareOfTarget * 1000) / 10)} %`), numeric: true },
          ]}
        />
      )}
      {section('graduation').length > 0 && (
        <ColumnTable
          caption={t('impact.graduations')}
          rows={section('graduation')}
          rowKey={figureKey}
          minWidth={480}
          columns={[
            { header: t('impact.outcome'), cell: (f) => (f.key === null ? t('impact.otherOutcomes') : t(`outcomes.${f.key as 'other'}`)) },
            { header: t('impact.graduates'), cell: (f) => n(f.graduates), numeric: true },
          ]}
        />
      )}
      {section('sdg').length > 0 && (
        <ColumnTable
          caption={t('impact.goals')}
          rows={section('sdg')}
          rowKey={figureKey}
          minWidth={480}
          columns={[
            { header: t('impact.goal'), cell: (f) => goalName(Number(f.key), f.label ?? '') },
            { header: t('impact.challenges'), cell: (f) => n(f.challenges), numeric: true },
            { header: t('impact.participants'), cell: (f) => n(f.participants), numeric: true },
            { header: t('impact.measurements'), cell: (f) => n(f.measurements), numeric: true },
          ]}
        />
      )}
    </Stack>
  );
}
