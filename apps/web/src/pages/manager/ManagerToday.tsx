import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { keys } from './queries';

type CohortAgenda = Schemas['CohortAgendaView'];
type CountField = 'applicationsAwaitingDecision' | 'matchesPastDeadline' | 'tracksStuck';
type CohortPage = '/manage/cohorts/$cohortId/applications' | '/manage/cohorts/$cohortId/matching' | '/manage/cohorts/$cohortId/tracks';

/** Each kind of waiting work per cohort, and the cohort page that handles it. */
const GROUPS: { field: CountField; to: CohortPage; key: 'applications' | 'matches' | 'tracks' }[] = [
  { field: 'applicationsAwaitingDecision', to: '/manage/cohorts/$cohortId/applications', key: 'applications' },
  { field: 'matchesPastDeadline', to: '/manage/cohorts/$cohortId/matching', key: 'matches' },
  { field: 'tracksStuck', to: '/manage/cohorts/$cohortId/tracks', key: 'tracks' },
];

/** The programme manager's part of the home page: what waits for a decision or a nudge today. */
export function ManagerToday() {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const agenda = useQuery({
    queryKey: keys.agenda,
    queryFn: async () => unwrap(await api.GET('/api/me/manager-agenda')),
  });
  return (
    <QueryState query={agenda}>
      {({ challengesAwaitingReview, cohorts }) => {
        const groups = GROUPS.map((group) => ({ ...group, cohorts: cohorts.filter((cohort) => cohort[group.field] > 0) })).filter((group) => group.cohorts.length);
        if (!challengesAwaitingReview && !groups.length) {
          return (
            <Paper withBorder p="lg">
              <Text mb="xs">{t('today.allDone')}</Text>
              <Button renderRoot={(props) => <Link {...props} to="/manage/programmes" />} variant="default">
                {t('today.toProgrammes')}
              </Button>
            </Paper>
          );
        }
        return (
          <Stack gap="md">
            {groups.map((group) => (
              <Paper key={group.key} withBorder p="lg" component="section" aria-labelledby={`today-${group.key}`}>
                <Title order={2} size="h3" id={`today-${group.key}`} mb="xs">
                  {t(`today.${group.key}.title`)}
                </Title>
                <List spacing="xs">
                  {group.cohorts.map((cohort: CohortAgenda) => (
                    <List.Item key={cohort.cohortId}>
                      <Anchor renderRoot={(props) => <Link {...props} to={group.to} params={{ cohortId: cohort.cohortId }} />}>
                        {t(`today.${group.key}.item`, { count: cohort[group.field], formatted: format.number(cohort[group.field]), cohort: cohort.cohortName })}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Paper>
            ))}
            {challengesAwaitingReview > 0 && (
              <Paper withBorder p="lg" component="section" aria-labelledby="today-challenges">
                <Title order={2} size="h3" id="today-challenges">
                  {t('today.challenges.title')}
                </Title>
                <Text my="xs">{t('today.challenges.body', { count: challengesAwaitingReview, formatted: format.number(challengesAwaitingReview) })}</Text>
                <Button renderRoot={(props) => <Link {...props} to="/manage/challenges" />}>{t('today.challenges.action')}</Button>
              </Paper>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
