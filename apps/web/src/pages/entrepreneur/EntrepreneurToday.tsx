import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useFormat } from '@web/i18n/format';
import { keys, useMyApplication, useProfile, type Cohort } from './queries';

/** The entrepreneur's part of the home page: a missing profile, drafts to submit, open calls. */
export function EntrepreneurToday() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const profile = useProfile();
  const open = useQuery({
    queryKey: [...keys.cohorts, 'open'],
    queryFn: async () => unwrap(await api.GET('/api/cohorts', { params: { query: { state: 'open', limit: 20 } } })),
  });
  const cohorts = open.data?.items ?? [];
  return (
    <Stack gap="md">
      {profile.data === null && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3">
            {t('profileMissing.title')}
          </Title>
          <Text my="xs">{t('profileMissing.body')}</Text>
          <Button component={Link} to="/profile">
            {t('profileMissing.action')}
          </Button>
        </Paper>
      )}
      {cohorts.map((cohort) => (
        <DraftReminder key={cohort.id} cohort={cohort} />
      ))}
      {open.isSuccess && cohorts.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3">
            {t('open.title')}
          </Title>
          <Text my="xs">{t('open.body', { count: cohorts.length, formatted: format.number(cohorts.length) })}</Text>
          <Button component={Link} to="/cohorts" variant="default">
            {t('open.action')}
          </Button>
        </Paper>
      )}
    </Stack>
  );
}

function DraftReminder({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('home');
  const application = useMyApplication(cohort.id);
  if (application.data?.state !== 'draft') return null;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3">
        {t('drafts.title')}
      </Title>
      <Button renderRoot={(props) => <Link {...props} to="/cohorts/$cohortId" params={{ cohortId: cohort.id }} />} mt="xs">
        {t('drafts.action', { cohort: cohort.name })}
      </Button>
    </Paper>
  );
}
