import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { fetchCohorts, keys, useMyApplication, type Cohort } from './queries';
import { StateBadge } from './StateBadge';

export function CohortsPage() {
  const { t } = useTranslation('entrepreneur');
  return (
    <>
      <PageTitle intro={t('cohorts.intro')}>{t('cohorts.title')}</PageTitle>
      <CursorList queryKey={keys.cohorts} fetchPage={fetchCohorts} itemKey={(cohort) => cohort.id} renderItem={(cohort) => <CohortCard cohort={cohort} />} empty={t('cohorts.empty')} />
    </>
  );
}

function CohortCard({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  const application = useMyApplication(cohort.id);
  const state = application.data?.state ?? 'none';
  const action = state === 'none' ? t('cohorts.apply') : state === 'draft' ? t('cohorts.continue') : t('cohorts.view');
  const canStart = state !== 'none' || cohort.state === 'open';
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`cohort-${cohort.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} size="h3" id={`cohort-${cohort.id}`}>
          {cohort.name}
        </Title>
        <StateBadge state={state} />
      </Group>
      <Stack gap={2} mt="xs">
        <Text>{t('cohorts.window', { from: format.date(cohort.applicationOpensAt), to: format.date(cohort.applicationClosesAt) })}</Text>
        {cohort.startsOn && cohort.endsOn && <Text>{t('cohorts.period', { from: format.date(cohort.startsOn), to: format.date(cohort.endsOn) })}</Text>}
        <Text c="gray.7" size="sm">
          {t(`cohorts.states.${cohort.state}`)} · {t('cohorts.seats', { count: cohort.seats, formatted: format.number(cohort.seats) })} · {t('cohorts.questions', { count: cohort.questions.length })}
        </Text>
      </Stack>
      {canStart && (
        <Button renderRoot={(props) => <Link {...props} to="/cohorts/$cohortId" params={{ cohortId: cohort.id }} />} mt="md" variant={state === 'none' ? 'filled' : 'default'} aria-label={`${action}: ${cohort.name}`}>
          {action}
        </Button>
      )}
    </Paper>
  );
}
