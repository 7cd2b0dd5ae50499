import { Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { swedishCollator } from '@web/i18n/format';
import { METRICS, matchingKeys, useCohortNames, useMatchingFormat, type RunSummary } from './queries';

interface RunComparisonProps {
  cohortId: string;
  runs: RunSummary[];
  firstId: string | null;
  secondId: string | null;
  onChange: (firstId: string, secondId: string) => void;
}

/** Two runs side by side: each measure and its change, and the participants the runs place differently. */
export function RunComparison({ cohortId, runs, firstId, secondId, onChange }: RunComparisonProps) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const labels = format.runLabels(runs);
  const names = useCohortNames(cohortId);
  const comparable = firstId !== null && secondId !== null && firstId !== secondId;
  const comparison = useQuery({
    queryKey: matchingKeys.comparison(firstId ?? '', secondId ?? ''),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/matching-runs/{id}/compare/{otherId}', {
          params: { path: { id: firstId ?? '', otherId: secondId ?? '' } },
        }),
      ),
    enabled: comparable,
    staleTime: Infinity,
  });
  const options = runs.map((run) => ({
    value: run.id,
    label: labels.get(run.id) ?? '',
  }));
  const labelOf = (id: string | null) => options.find((option) => option.value === id)?.label ?? '';
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="compare-heading">
      <Title order={2} size="h3" id="compare-heading" mb="sm">
        {t('matching.compare.title')}
      </Title>
      {runs.length < 2 ? (
        <Text>{t('matching.compare.needTwo')}</Text>
      ) : (
        <>
          <Group gap="md" mb="md" grow preventGrowOverflow={false} wrap="wrap">
            <Select
              label={t('matching.compare.first')}
              data={options.filter((option) => option.value !== secondId)}
              value={firstId}
              onChange={(value) => value && secondId && onChange(value, secondId)}
              allowDeselect={false}
              miw={240}
            />
            <Select
              label={t('matching.compare.second')}
              data={options.filter((option) => option.value !== firstId)}
              value={secondId}
              onChange={(value) => value && firstId && onChange(firstId, value)}
              allowDeselect={false}
              miw={240}
            />
          </Group>
          {comparable && (
            <QueryState query={comparison}>
              {(result) => {
                const challengeOf = (pairs: { participantId: string; challengeId: string }[], participantId: string) => {
                  const challengeId = pairs.find((pair) => pair.participantId === participantId)?.challengeId;
                  return challengeId ? names.data?.challenges.get(challengeId) ?? '…' : t('matching.compare.nowhere');
                };
                const moved = [...new Set([...result.onlyInFirst, ...result.onlyInSecond].map((pair) => pair.participantId))]
                  .map((participantId) => ({
                    participantId,
                    name: names.data?.participants.get(participantId) ?? t('matching.unknownParticipant'),
                  }))
                  .sort((a, b) => swedishCollator.compare(a.name, b.name));
                return (
                  <>
                    <ScrollTable minWidth={480} label={t('matching.compare.caption')}>
                      <Table striped withTableBorder verticalSpacing="xs">
                        <Table.Caption>{t('matching.compare.caption')}</Table.Caption>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{t('matching.compare.measure')}</Table.Th>
                            <Table.Th scope="col" ta="right">
                              {t('matching.compare.first')}
                            </Table.Th>
                            <Table.Th scope="col" ta="right">
                              {t('matching.compare.second')}
                            </Table.Th>
                            <Table.Th scope="col" ta="right">
                              {t('matching.compare.change')}
                            </Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {METRICS.map((metric) => {
                            const { first, second, change } = result.metricChanges[metric];
                            const number = metric === 'total' || metric === 'minScore' ? format.score : (value: number | null) => (value === null ? '–' : format.number(value));
                            return (
                              <Table.Tr key={metric}>
                                <Table.Th scope="row" fw={500}>
                                  {t(`matching.metrics.${metric}`)}
                                </Table.Th>
                                <Table.Td ta="right">{number(first)}</Table.Td>
                                <Table.Td ta="right">{number(second)}</Table.Td>
                                <Table.Td ta="right">{format.change(change)}</Table.Td>
                              </Table.Tr>
                            );
                          })}
                        </Table.Tbody>
                      </Table>
                    </ScrollTable>
                    <Title order={3} size="h4" mt="lg" mb="xs">
                      {t('matching.compare.different')}
                    </Title>
                    {moved.length === 0 ? (
                      <Text>{t('matching.compare.same')}</Text>
                    ) : (
                      <ScrollTable minWidth={480} label={t('matching.compare.differentCaption')}>
                        <Table striped withTableBorder verticalSpacing="xs">
                          <Table.Caption>{t('matching.compare.differentCaption')}</Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th scope="col">{t('matching.compare.participant')}</Table.Th>
                              <Table.Th scope="col">
                                {t('matching.compare.first')}: {labelOf(firstId)}
                              </Table.Th>
                              <Table.Th scope="col">
                                {t('matching.compare.second')}: {labelOf(secondId)}
                              </Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {moved.map(({ participantId, name }) => (
                              <Table.Tr key={participantId}>
                                <Table.Th scope="row" fw={500}>
                                  {name}
                                </Table.Th>
                                <Table.Td>{challengeOf(result.onlyInFirst, participantId)}</Table.Td>
                                <Table.Td>{challengeOf(result.onlyInSecond, participantId)}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </ScrollTable>
                    )}
                  </>
                );
              }}
            </QueryState>
          )}
        </>
      )}
    </Paper>
  );
}
