import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { CohortTabs } from '@web/pages/manager/CohortTabs';
import { METRICS, matchingKeys, useCohort, useMatchingFormat, useReasonLanguage, type Run, type RunSummary } from './queries';
import { Responses } from './Responses';
import { RunComparison } from './RunComparison';
import { RunFailure } from './RunFailure';
import { RunProposals } from './RunProposals';

type StartRun = Schemas['StartRunDto'];

const POLL_MS = 2000;
const isPending = (run: RunSummary): boolean => run.status === 'queued' || run.status === 'running';

/** Matching a cohort: runs started, compared side by side, adjusted with pins and forbidden pairs, published, answered. */
export function MatchingPage() {
  const { cohortId } = useParams({
    from: '/manage/cohorts/$cohortId/matching',
  });
  const { t } = useTranslation('matching');
  const cohort = useCohort(cohortId);
  const queryClient = useQueryClient();
  const { language, headers } = useReasonLanguage();
  const runs = useInfiniteQuery({
    queryKey: matchingKeys.runs(cohortId),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/cohorts/{id}/matching-runs', {
          params: {
            path: { id: cohortId },
            query: { cursor: pageParam, limit: 20 },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A large run is solved by the worker: the list is asked again until none is waiting.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isPending)) ? POLL_MS : false),
  });
  const allRuns = runs.data?.pages.flatMap((page) => page.items) ?? [];
  // Only done runs have proposals to show and compare.
  const summaries = allRuns.filter((run) => run.status === 'done');
  // The manager's choices; until made, the newest run is shown and compared with the one before.
  const [shown, setShown] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shownId = shown ?? summaries[0]?.id ?? null;
  const [firstId, secondId] = pair ?? [summaries[1]?.id ?? null, summaries[0]?.id ?? null];

  const start = useMutation({
    mutationFn: async ({ body }: { body: StartRun; base: string | null; message: string }) =>
      unwrap(
        await api.POST('/api/cohorts/{id}/matching-runs', {
          params: { path: { id: cohortId } },
          body,
          headers,
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: async (run, { base, message }) => {
      if (run.status === 'done') {
        queryClient.setQueryData(matchingKeys.run(run.id, language), run);
        const previous = base ?? summaries[0]?.id ?? null;
        setShown(run.id);
        setPair(previous ? [previous, run.id] : null);
      }
      setNotice(run.status === 'done' ? message : t('matching.start.queued'));
      await queryClient.invalidateQueries({
        queryKey: matchingKeys.runs(cohortId),
      });
    },
  });
  // A rerun's outcome is told beside the proposals it was asked from, a fresh run's at the top.
  const rerunAsked = start.variables !== undefined && start.variables.base !== null;
  const outcome = { error: start.error, notice };
  /** A new run like `base` (its algorithm, weights and choices) with the pins and forbidden pairs given. */
  const rerun = (base: Run, change: Pick<StartRun, 'pins' | 'forbidden'>) =>
    start.mutate({
      base: base.id,
      message: t('matching.pairs.rerun'),
      body: {
        algorithm: base.algorithm as StartRun['algorithm'],
        ...(base.proposing ? { proposing: base.proposing as StartRun['proposing'] } : {}),
        weights: base.weights,
        includeMatched: base.includeMatched,
        pins: change.pins ?? base.pins,
        forbidden: change.forbidden ?? base.forbidden,
      },
    });

  return (
    <>
      <PageTitle intro={t('matching.intro')}>{t('matching.title')}</PageTitle>
      <CohortTabs cohortId={cohortId} />
      {cohort.data && (
        <Text fw={600} mb="lg">
          {t('matching.cohort', { name: cohort.data.name })}
        </Text>
      )}
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="start-heading">
          <Title order={2} size="h3" id="start-heading" mb="xs">
            {t('matching.start.title')}
          </Title>
          <Text mb="md" maw="70ch">
            {t('matching.start.body')}
          </Text>
          {!rerunAsked && <Problem error={outcome.error} areas={['matching']} />}
          <Group gap="sm">
            {(['optimal', 'stable'] as const).map((algorithm) => (
              <Button
                key={algorithm}
                variant={algorithm === 'optimal' ? 'filled' : 'default'}
                loading={start.isPending && start.variables?.body.algorithm === algorithm && start.variables.base === null}
                disabled={start.isPending}
                onClick={() =>
                  start.mutate({
                    body: { algorithm },
                    base: null,
                    message: t('matching.start.started'),
                  })
                }
              >
                {t(`matching.start.${algorithm}`)}
              </Button>
            ))}
          </Group>
          {!rerunAsked && outcome.notice && (
            <Alert color="green" role="status" mt="md">
              {outcome.notice}
            </Alert>
          )}
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="runs-heading">
          <Title order={2} size="h3" id="runs-heading" mb="sm">
            {t('matching.runs.title')}
          </Title>
          <QueryState query={runs}>
            {() =>
              allRuns.length === 0 ? (
                <Text>{t('matching.runs.empty')}</Text>
              ) : (
                <>
                  {allRuns[0].status === 'failed' && (
                    <RunFailure
                      run={allRuns[0]}
                      retrying={start.isPending}
                      onRetry={() => start.mutate({ body: { algorithm: allRuns[0].algorithm as StartRun['algorithm'] }, base: null, message: t('matching.start.started') })}
                    />
                  )}
                  <RunsTable runs={allRuns} />
                  {runs.hasNextPage && (
                    <Button variant="default" mt="sm" onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
                      {t('showMore', { ns: 'common' })}
                    </Button>
                  )}
                </>
              )
            }
          </QueryState>
        </Paper>

        {summaries.length > 0 && <RunComparison cohortId={cohortId} runs={summaries} firstId={firstId} secondId={secondId} onChange={(first, second) => setPair([first, second])} />}
        {shownId && <RunProposals cohortId={cohortId} runs={summaries} runId={shownId} onShow={setShown} onRerun={rerun} rerunning={start.isPending} rerunOutcome={rerunAsked ? outcome : null} />}
        <Responses cohortId={cohortId} />
      </Stack>
    </>
  );
}

function RunsTable({ runs }: { runs: RunSummary[] }) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const labels = format.runLabels(runs);
  return (
    <ScrollTable minWidth={760} label={t('matching.runs.caption')}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('matching.runs.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={190}>
              {t('matching.runs.run')}
            </Table.Th>
            {METRICS.map((metric) => (
              <Table.Th key={metric} scope="col" ta="right">
                {t(`matching.metrics.${metric}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" miw={180}>
              {t('matching.runs.state')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Th scope="row" fw={500}>
                {labels.get(run.id)}
              </Table.Th>
              {METRICS.map((metric) => (
                <Table.Td key={metric} ta="right">
                  {!run.metrics ? '–' : metric === 'total' || metric === 'minScore' ? format.score(run.metrics[metric]) : format.number(run.metrics[metric])}
                </Table.Td>
              ))}
              <Table.Td>
                {run.status === 'failed' ? (
                  t('matching.runs.failed', { reason: t(`matching.failure.reasons.${run.failureCode ?? 'internal_error'}`) })
                ) : run.status !== 'done' ? (
                  t(`matching.runs.${run.status as 'queued' | 'running'}`, { progress: format.number(run.progress) })
                ) : run.publishedAt ? (
                  <Text span inherit fw={650}>
                    {t('matching.runs.published')}
                  </Text>
                ) : (
                  t('matching.runs.notPublished')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
