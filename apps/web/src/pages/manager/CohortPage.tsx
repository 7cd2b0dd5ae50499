import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text, Textarea, Title, useMatches } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { CohortContent } from './CohortContent';
import { CohortSettingsFields, settingsBody, settingsOf, useSettingsLabels } from './CohortSettingsFields';
import { CohortStateBadge } from './CohortStateBadge';
import { CohortTabs } from './CohortTabs';
import { Conflicts } from './Conflicts';
import { Reviewers } from './Reviewers';
import { COHORT_STEPS, keys, useCohort, useProgramme, type Cohort } from './queries';

/** A cohort's overview: where it is in its lifecycle, its settings, questions, rubric, jury and conflicts. */
export function CohortPage() {
  const { cohortId } = useParams({ from: '/manage/cohorts/$cohortId' });
  const cohort = useCohort(cohortId);
  return (
    <QueryState query={cohort}>
      {(current) => (
        <>
          <PageTitle>{current.name}</PageTitle>
          <CohortTabs cohortId={current.id} />
          <ProgrammeLink programmeId={current.programmeId} />
          <Stack gap="xl">
            <Lifecycle cohort={current} />
            <Settings key={current.id} cohort={current} reload={async () => (await cohort.refetch()).data} />
            <CohortContent key={`content-${current.id}`} cohort={current} reload={async () => (await cohort.refetch()).data} />
            <Reviewers cohort={current} />
            <Conflicts cohort={current} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function ProgrammeLink({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation('manager');
  const programme = useProgramme(programmeId);
  if (!programme.data) return null;
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/manage/programmes/$programmeId" params={{ programmeId }} />} display="inline-block" mb="lg">
      {t('cohort.backTo', { name: programme.data.name })}
    </Anchor>
  );
}

/** The states as steps, and the moves the API allows from here as buttons. */
function Lifecycle({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const move = useMutation({
    mutationFn: async (to: Cohort['state']) =>
      unwrap(await api.POST('/api/cohorts/{id}/transitions', { params: { path: { id: cohort.id } }, body: { to, reason: reason.trim() || undefined } })),
    onSuccess: (moved) => {
      queryClient.setQueryData(keys.cohort(moved.id), moved);
      void queryClient.invalidateQueries({ queryKey: keys.cohorts(moved.programmeId) });
      setReason('');
    },
    // A refused move may mean someone else moved the cohort meanwhile: show where it is now.
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.cohort(cohort.id) }),
  });
  // Five steps side by side do not fit a phone: there they run downwards.
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });
  const archived = cohort.state === 'archived';
  const index = COHORT_STEPS.indexOf(cohort.state);
  const active = cohort.state === 'completed' ? COHORT_STEPS.length : index;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="lifecycle-heading">
      <Group justify="space-between" align="flex-start" mb="md">
        <Title order={2} id="lifecycle-heading">
          {t('lifecycle.title')}
        </Title>
        <CohortStateBadge state={cohort.state} />
      </Group>
      {archived ? (
        <Text mb="md">{t('lifecycle.archived')}</Text>
      ) : (
        <Stepper
          active={active}
          size="sm"
          orientation={orientation}
          aria-label={t('lifecycle.title')}
          allowNextStepsSelect={false}
          mb="lg"
          styles={{ stepDescription: { color: 'var(--mantine-color-gray-7)' } }}
        >
          {COHORT_STEPS.map((step, position) => (
            <Stepper.Step
              key={step}
              label={t(`states.${step}`)}
              description={position < active ? t('lifecycle.done') : position === active ? t('lifecycle.current') : t('lifecycle.ahead')}
              aria-current={position === index ? 'step' : undefined}
              tabIndex={-1}
            />
          ))}
        </Stepper>
      )}
      <Text maw="65ch" mb="md">
        {t(`lifecycle.explain.${cohort.state}`)}
      </Text>
      <Problem error={move.error} areas={['manager']} />
      {cohort.allowedTransitions.length > 0 && (
        <Stack gap="sm">
          <Textarea label={t('lifecycle.reason')} description={t('lifecycle.reasonHint')} autosize minRows={1} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maw={560} />
          <Group gap="sm">
            {cohort.allowedTransitions.map((to) => (
              <Button
                key={to}
                variant={to === 'archived' ? 'default' : 'filled'}
                loading={move.isPending && move.variables === to}
                disabled={move.isPending}
                onClick={() => move.mutate(to)}
                // A long move's name wraps on a phone rather than running out of its button.
                styles={{ root: { height: 'auto', minHeight: 36, paddingBlock: 8 }, label: { whiteSpace: 'normal' } }}
              >
                {t(`lifecycle.moveTo.${to}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** Name, period, application window and seats; editable until the cohort is completed. */
function Settings({ cohort, reload }: { cohort: Cohort; reload: () => Promise<Cohort | undefined> }) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const queryClient = useQueryClient();
  const labels = useSettingsLabels();
  const [form, setForm] = useState(() => settingsOf(cohort));
  const [saved, setSaved] = useState(false);
  const closed = cohort.state === 'completed' || cohort.state === 'archived';
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/cohorts/{id}', { params: { path: { id: cohort.id }, header: ifMatch(cohort.version) }, body: settingsBody(form) })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.cohort(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.cohorts(updated.programmeId) });
      setSaved(true);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const onReload = async () => {
    const fresh = await reload();
    if (fresh) setForm(settingsOf(fresh));
    save.reset();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="settings-heading">
      <Title order={2} id="settings-heading" mb="md">
        {t('settings.title')}
      </Title>
      {closed && (
        <Alert color="gray" mb="lg">
          {t('settings.closed', { state: t(`states.${cohort.state}`).toLocaleLowerCase() })}
        </Alert>
      )}
      {saved && (
        <Alert color="green" role="status" mb="lg">
          {t('settings.saved', { when: format.dateTime(new Date()) })}
        </Alert>
      )}
      <Problem error={save.error} areas={['manager']} labels={labels} onReload={() => void onReload()} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <CohortSettingsFields form={form} onChange={setForm} errors={fieldErrors(save.error)} disabled={closed} />
          {!closed && (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('settings.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
