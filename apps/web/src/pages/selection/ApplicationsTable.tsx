import { Anchor, Badge, Button, Checkbox, Group, Modal, Pagination, Paper, Select, Stack, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';
import { StateBadge } from '@web/pages/entrepreneur/StateBadge';
import { AssignReviewer } from './AssignReviewer';
import { CaptionedTable } from '@web/components/CaptionedTable';
import { DecisionForm } from './DecisionForm';
import { DECISIONS_FROM, SELECTION_STATES, type ApplicationState, type ScoreRow } from './queries';
import { filterRows, sortRows, type Sort, type SortKey } from './scoreboard-table';
import { useScoreFormat } from './score-format';

/** Rows drawn at once: sorting the whole cohort is cheap, drawing thousands of rows is not. */
export const PAGE_SIZE = 50;

interface ApplicationsTableProps {
  cohortId: string;
  rows: readonly ScoreRow[];
  /** Decisions are open (the cohort is selecting or running). */
  deciding: boolean;
  seatsLeft: number;
}

/** The scoreboard as a table: filtered by name, state and disagreement, sorted by any column, page by page. */
export function ApplicationsTable({ cohortId, rows, deciding, seatsLeft }: ApplicationsTableProps) {
  const { t } = useTranslation('selection');
  const { t: states } = useTranslation('entrepreneur');
  const format = useScoreFormat();
  const { number } = useFormat();
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search, 150);
  const [state, setState] = useState<ApplicationState | null>(null);
  const [disagreementOnly, setDisagreementOnly] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'normalisedScore', direction: 'desc' });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [decidingRow, setDeciding] = useState<ScoreRow | null>(null);

  const shown = useMemo(() => sortRows(filterRows(rows, { text, state, disagreementOnly }), sort), [rows, text, state, disagreementOnly, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const visible = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const selectable = visible.filter((row) => row.state === 'submitted');
  const allSelected = selectable.length > 0 && selectable.every((row) => selected.has(row.applicationId));

  const sortBy = (key: SortKey) => {
    setSort((now) => (now.key === key ? { key, direction: now.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'applicantName' || key === 'state' ? 'asc' : 'desc' }));
    setPage(1);
  };
  const toggle = (ids: string[], on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const filtered = (change: () => void) => {
    change();
    setPage(1);
  };

  const header = (key: SortKey, numeric = false) => (
    <Table.Th scope="col" aria-sort={sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} ta={numeric ? 'right' : undefined}>
      <UnstyledButton onClick={() => sortBy(key)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {t(`table.columns.${key}`)}
        {sort.key === key && <span aria-hidden>{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span>}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="applications-heading">
      <Title order={2} size="h3" id="applications-heading" mb="sm">
        {t('table.heading')}
      </Title>
      <Stack gap="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput type="search" label={t('table.search')} description={t('table.searchHint')} value={search} onChange={(event) => filtered(() => setSearch(event.currentTarget.value))} miw={220} style={{ flex: '1 1 220px' }} />
          <Select
            label={t('table.state')}
            data={[{ value: '', label: t('table.allStates') }, ...SELECTION_STATES.map((value) => ({ value, label: states(`application.states.${value}`) }))]}
            value={state ?? ''}
            onChange={(value) => filtered(() => setState(value ? (value as ApplicationState) : null))}
            allowDeselect={false}
            w={200}
          />
          <Switch label={t('table.disagreementOnly')} checked={disagreementOnly} onChange={(event) => filtered(() => setDisagreementOnly(event.currentTarget.checked))} mb={8} />
        </Group>
        <div>
          <Title order={3} size="h4" mb={4}>
            {t('assign.heading')}
          </Title>
          <AssignReviewer cohortId={cohortId} applicationIds={[...selected]} bulk onAssigned={() => setSelected(new Set())} />
        </div>
        <Text size="sm" role="status">
          {t('table.shown', { count: shown.length, shown: number(shown.length), total: number(rows.length) })}
        </Text>
        {shown.length === 0 ? (
          <Text>{rows.length === 0 ? t('table.empty') : t('table.emptyFilter')}</Text>
        ) : (
          <CaptionedTable caption={`${t('table.caption')} ${t('table.disagreementLegend')}`} minWidth={680} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>
                  <Checkbox
                    aria-label={t('table.selectPage')}
                    checked={allSelected}
                    indeterminate={!allSelected && selectable.some((row) => selected.has(row.applicationId))}
                    disabled={selectable.length === 0}
                    onChange={(event) => toggle(selectable.map((row) => row.applicationId), event.currentTarget.checked)}
                  />
                </Table.Th>
                {header('applicantName')}
                {header('state')}
                {header('reviewCount', true)}
                {header('weightedMean', true)}
                {header('spread', true)}
                {header('normalisedScore', true)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.applicationId} bg={row.disagreement ? 'orange.0' : undefined} style={row.disagreement ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-7)' } : undefined}>
                  <Table.Td>
                    {row.state === 'submitted' && (
                      <Checkbox aria-label={t('table.select', { name: row.applicantName })} checked={selected.has(row.applicationId)} onChange={(event) => toggle([row.applicationId], event.currentTarget.checked)} />
                    )}
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>
                    <Stack gap={2} align="flex-start" w="max-content">
                      <Anchor renderRoot={(props) => <Link {...props} to="/manage/applications/$applicationId" params={{ applicationId: row.applicationId }} />}>{row.applicantName}</Anchor>
                      {row.disagreement && (
                        <Badge color="orange" variant="light" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
                          {t('table.disagreement')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Th>
                  <Table.Td>
                    {/* The badge keeps its words whole; the decision sits by the state it changes. */}
                    <Stack gap={4} align="flex-start" w="max-content">
                      <StateBadge state={row.state} />
                      {deciding && DECISIONS_FROM[row.state] && (
                        <Button size="compact-sm" variant="light" onClick={() => setDeciding(row)} aria-label={t('table.decide', { name: row.applicantName })}>
                          {t('table.decideShort')}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right">{row.reviewCount}</Table.Td>
                  <Table.Td ta="right">{format.score(row.weightedMean)}</Table.Td>
                  <Table.Td ta="right">{format.score(row.spread)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {format.score(row.normalisedScore)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </CaptionedTable>
        )}
        {pages > 1 && (
          <Group component="nav" aria-label={t('table.pages')} justify="center">
            <Pagination
              total={pages}
              value={current}
              onChange={setPage}
              getItemProps={(n) => ({ 'aria-label': t('table.page', { page: n }), 'aria-current': n === current ? 'page' : undefined })}
              getControlProps={(control) => (control === 'previous' || control === 'next' ? { 'aria-label': t(`table.${control}`) } : {})}
            />
          </Group>
        )}
      </Stack>
      <DecisionModal cohortId={cohortId} row={decidingRow} seatsLeft={seatsLeft} onClose={() => setDeciding(null)} />
    </Paper>
  );
}

function DecisionModal({ cohortId, row, seatsLeft, onClose }: { cohortId: string; row: ScoreRow | null; seatsLeft: number; onClose: () => void }): ReactNode {
  const { t } = useTranslation('selection');
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('decision.title', { name: row.applicantName }) : ''} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }} centered size="lg">
      {row && <DecisionForm key={row.applicationId} cohortId={cohortId} applicationId={row.applicationId} state={row.state} seatsLeft={seatsLeft} onDone={onClose} />}
    </Modal>
  );
}
