import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { useFormat } from '@web/i18n/format';
import { useCohortNames } from '@web/pages/matching/queries';
import { keys, type Cohort } from './queries';

const CAPTION_STYLE = { color: 'var(--mantine-color-gray-8)' };

/**
 * The conflicts of interest declared in the cohort: by its reviewers on applications (they no
 * longer review those), and for matching (the pair is never proposed).
 */
export function Conflicts({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="conflicts-heading">
      <Title order={2} id="conflicts-heading" mb="xs">
        {t('conflicts.title')}
      </Title>
      <Text mb="lg" maw="65ch">
        {t('conflicts.intro')}
      </Text>
      <Stack gap="xl">
        <ReviewConflicts cohort={cohort} />
        <MatchingConflicts cohort={cohort} />
      </Stack>
    </Paper>
  );
}

function ReviewConflicts({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const conflicts = useQuery({
    queryKey: [...keys.conflicts(cohort.id), 'review'],
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}/review-conflicts', { params: { path: { id: cohort.id }, query: { limit: 100 } } })).items,
  });
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t('conflicts.reviewTitle')}
      </Title>
      <QueryState query={conflicts}>
        {(rows) =>
          rows.length ? (
            <ScrollTable label={t('conflicts.reviewTitle')} minWidth={560}>
              <Table striped>
                <Table.Caption style={CAPTION_STYLE}>{t('conflicts.reviewCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('conflicts.reviewer')}</Table.Th>
                    <Table.Th scope="col">{t('conflicts.applicant')}</Table.Th>
                    <Table.Th scope="col">{t('conflicts.reason')}</Table.Th>
                    <Table.Th scope="col">{t('conflicts.declared')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{row.reviewerName}</Table.Td>
                      <Table.Td>
                        {row.applicantName}
                        <Text size="sm" c="gray.7">
                          {t(`conflicts.scopes.${row.scope}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{row.reason}</Table.Td>
                      <Table.Td>{format.date(row.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : (
            <Text>{t('conflicts.reviewEmpty')}</Text>
          )
        }
      </QueryState>
    </div>
  );
}

/** Named with the cohort's participants and challenges, as the matching page names them. */
function MatchingConflicts({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const names = useCohortNames(cohort.id);
  const declared = useQuery({
    queryKey: [...keys.conflicts(cohort.id), 'matching'],
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}/matching-conflicts', { params: { path: { id: cohort.id }, query: { limit: 100 } } })).items,
  });
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t('conflicts.matchingTitle')}
      </Title>
      <QueryState query={names}>
        {(named) => (
          <QueryState query={declared}>
            {(rows) =>
              rows.length ? (
                <ScrollTable label={t('conflicts.matchingTitle')} minWidth={560}>
                  <Table striped>
                    <Table.Caption style={CAPTION_STYLE}>{t('conflicts.caption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('conflicts.participant')}</Table.Th>
                        <Table.Th scope="col">{t('conflicts.challenge')}</Table.Th>
                        <Table.Th scope="col">{t('conflicts.reason')}</Table.Th>
                        <Table.Th scope="col">{t('conflicts.declared')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => (
                        <Table.Tr key={row.id}>
                          <Table.Td>{named.participants.get(row.participantId) ?? t('conflicts.unknownParticipant')}</Table.Td>
                          <Table.Td>{named.challenges.get(row.challengeId) ?? t('conflicts.unknownChallenge')}</Table.Td>
                          <Table.Td>{row.reason}</Table.Td>
                          <Table.Td>{format.date(row.createdAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              ) : (
                <Text>{t('conflicts.empty')}</Text>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}
