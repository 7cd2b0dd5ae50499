import { Alert, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { swedishCollator } from '@web/i18n/format';
import { allPages, matchingKeys, useCohortNames, useMatchingFormat, type Match } from './queries';

const STATES: Match['state'][] = ['confirmed', 'declined', 'proposed', 'expired'];

/** The published proposals of the cohort and both sides' answers: counts, then each pair. */
export function Responses({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const names = useCohortNames(cohortId);
  const queryClient = useQueryClient();
  const matches = useQuery({
    queryKey: matchingKeys.matches(cohortId),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          await api.GET('/api/matches', {
            params: { query: { cohortId, cursor, limit: 100 } },
          }),
        ),
      ),
  });
  const expire = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/cohorts/{id}/matches/expire', {
          params: { path: { id: cohortId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: matchingKeys.matches(cohortId),
      }),
  });
  const participant = (id: string) => names.data?.participants.get(id) ?? t('matching.unknownParticipant');
  const challenge = (id: string) => names.data?.challenges.get(id) ?? '…';
  const answer = (response: string | null) => (response ? t(`matching.responses.answers.${response as 'accept'}`) : t('matching.responses.waiting'));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="responses-heading">
      <Title order={2} size="h3" id="responses-heading" mb="sm">
        {t('matching.responses.title')}
      </Title>
      <QueryState query={matches}>
        {(items) => {
          if (items.length === 0) return <Text>{t('matching.responses.empty')}</Text>;
          const sorted = items.slice().sort((a, b) => swedishCollator.compare(participant(a.participantId), participant(b.participantId)));
          return (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
                {STATES.map((state) => (
                  <Paper key={state} withBorder p="sm" bg="gray.0">
                    <Text component="dt" size="sm">
                      {t(`matching.responses.counts.${state}`)}
                    </Text>
                    <Text component="dd" m={0} fz={28} fw={650} lh={1.2}>
                      {format.number(items.filter((match) => match.state === state).length)}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
              <ScrollTable minWidth={760} label={t('matching.responses.caption')}>
                <Table striped withTableBorder verticalSpacing="xs">
                  <Table.Caption>{t('matching.responses.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('matching.responses.participant')}</Table.Th>
                      <Table.Th scope="col">{t('matching.responses.challenge')}</Table.Th>
                      <Table.Th scope="col">{t('matching.responses.participantAnswer')}</Table.Th>
                      <Table.Th scope="col">{t('matching.responses.departmentAnswer')}</Table.Th>
                      <Table.Th scope="col">{t('matching.responses.respondBy')}</Table.Th>
                      <Table.Th scope="col">{t('matching.responses.state')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sorted.map((match) => (
                      <Table.Tr key={match.id}>
                        <Table.Th scope="row" fw={500}>
                          {participant(match.participantId)}
                        </Table.Th>
                        <Table.Td>{challenge(match.challengeId)}</Table.Td>
                        <Table.Td>{answer(match.participantResponse)}</Table.Td>
                        <Table.Td>{answer(match.departmentResponse)}</Table.Td>
                        <Table.Td>{match.respondBy ? format.date(match.respondBy) : t('matching.responses.noDeadline')}</Table.Td>
                        <Table.Td>
                          <Text span inherit fw={match.state === 'proposed' ? undefined : 650}>
                            {t(`matching.responses.states.${match.state}`)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Problem error={expire.error} areas={['matching']} />
              {expire.data && (
                <Alert color="gray" role="status">
                  {t('matching.responses.expired', {
                    count: expire.data.expired,
                    formatted: format.number(expire.data.expired),
                  })}
                </Alert>
              )}
              <Button variant="default" onClick={() => expire.mutate()} loading={expire.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('matching.responses.expire')}
              </Button>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
