import { Alert, Anchor, Button, Collapse, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { CohortSettingsFields, settingsBody, settingsOf, useSettingsLabels } from './CohortSettingsFields';
import { CohortStateBadge } from './CohortStateBadge';
import { ProgrammeFields } from './ProgrammeFields';
import { keys, useProgramme, type Cohort, type Programme } from './queries';

/** One programme: its details, its managers (set by an admin), its cohorts and a new one. */
export function ProgrammePage() {
  const { programmeId } = useParams({ from: '/manage/programmes/$programmeId' });
  const { t } = useTranslation('manager');
  const programme = useProgramme(programmeId);
  const user = useUser();
  return (
    <QueryState query={programme}>
      {(current) => (
        <>
          <PageTitle intro={current.description || undefined}>{current.name}</PageTitle>
          <Anchor component={Link} to="/manage/programmes" display="inline-block" mb="lg">
            {t('programme.back')}
          </Anchor>
          <Stack gap="xl">
            <section aria-labelledby="cohorts-heading">
              <Title order={2} id="cohorts-heading" mb="sm">
                {t('programme.cohorts')}
              </Title>
              <NewCohort programmeId={current.id} />
              <CursorList
                queryKey={keys.cohorts(current.id)}
                fetchPage={async (cursor) => unwrap(await api.GET('/api/cohorts', { params: { query: { programmeId: current.id, cursor, limit: 20 } } }))}
                itemKey={(cohort) => cohort.id}
                empty={t('programme.noCohorts')}
                renderItem={(cohort) => <CohortCard cohort={cohort} />}
              />
            </section>
            <ProgrammeDetails programme={current} reload={async () => (await programme.refetch()).data} />
            {hasRole(user, 'admin') && <Managers programme={current} />}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function CohortCard({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`cohort-${cohort.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={3} size="h4" id={`cohort-${cohort.id}`}>
          <Anchor inherit renderRoot={(props) => <Link {...props} to="/manage/cohorts/$cohortId" params={{ cohortId: cohort.id }} />}>{cohort.name}</Anchor>
        </Title>
        <CohortStateBadge state={cohort.state} />
      </Group>
      <Text mt="xs">{t('cohort.window', { from: format.dateTime(cohort.applicationOpensAt), to: format.dateTime(cohort.applicationClosesAt) })}</Text>
      <Text size="sm" c="gray.7">
        {cohort.startsOn && cohort.endsOn ? `${t('cohort.period', { from: format.date(cohort.startsOn), to: format.date(cohort.endsOn) })} · ` : ''}
        {t('cohort.seats', { count: cohort.seats, formatted: format.number(cohort.seats) })}
      </Text>
    </Paper>
  );
}

function NewCohort({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation('manager');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useSettingsLabels();
  const [opened, toggle] = useDisclosure(false);
  const [form, setForm] = useState(() => settingsOf(null));
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/cohorts', { body: { programmeId, ...settingsBody(form) } })),
    onSuccess: async (cohort) => {
      queryClient.setQueryData(keys.cohort(cohort.id), cohort);
      await queryClient.invalidateQueries({ queryKey: keys.cohorts(programmeId) });
      await navigate({ to: '/manage/cohorts/$cohortId', params: { cohortId: cohort.id } });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
      <Button variant={opened ? 'default' : 'filled'} onClick={toggle.toggle} aria-expanded={opened} aria-controls="new-cohort">
        {opened ? t('cancel', { ns: 'common' }) : t('programme.newCohort')}
      </Button>
      <Collapse expanded={opened} id="new-cohort">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} mt="md" component="form" onSubmit={onSubmit} noValidate aria-label={t('programme.newCohort')}>
          <Text mb="lg" maw="65ch">
            {t('programme.newCohortIntro')}
          </Text>
          <Problem error={create.error} areas={['manager']} labels={labels} />
          <Stack gap="lg">
            <CohortSettingsFields form={form} onChange={setForm} errors={fieldErrors(create.error)} />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('programme.createCohort')}
            </Button>
          </Stack>
        </Paper>
      </Collapse>
    </div>
  );
}

function ProgrammeDetails({ programme, reload }: { programme: Programme; reload: () => Promise<Programme | undefined> }) {
  const { t } = useTranslation('manager');
  const queryClient = useQueryClient();
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(await api.PUT('/api/programmes/{id}', { params: { path: { id: programme.id }, header: ifMatch(programme.version) }, body: { name, description } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.programme(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.programmes });
      setSaved(true);
    },
  });
  const errors = fieldErrors(save.error);
  const onReload = async () => {
    const fresh = await reload();
    if (fresh) {
      setName(fresh.name);
      setDescription(fresh.description);
    }
    save.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="details-heading">
      <Title order={2} id="details-heading" mb="md">
        {t('programme.details')}
      </Title>
      {saved && (
        <Alert color="green" role="status" mb="lg">
          {t('programme.saved')}
        </Alert>
      )}
      <Problem error={save.error} form="programme" areas={['manager']} labels={{ name: t('programme.name'), description: t('programme.description') }} onReload={() => void onReload()} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <ProgrammeFields form="programme" name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('programme.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Who manages the programme: only an admin may change it, from the people holding the manager role. */
function Managers({ programme }: { programme: Programme }) {
  const { t } = useTranslation('manager');
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>(programme.managerIds);
  const [saved, setSaved] = useState(false);
  const candidates = useQuery({
    queryKey: ['manager', 'candidates'],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query: { role: 'programme_manager', limit: 100 } } })).items,
  });
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/programmes/{id}/managers', { params: { path: { id: programme.id } }, body: { userIds: selected } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.programme(updated.id), updated);
      setSaved(true);
    },
  });
  const options = (candidates.data ?? [])
    .map((person) => ({ value: person.id, label: person.displayName }))
    .sort((a, b) => swedishCollator.compare(a.label, b.label));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="managers-heading">
      <Title order={2} id="managers-heading" mb="md">
        {t('programme.managers')}
      </Title>
      {saved && (
        <Alert color="green" role="status" mb="lg">
          {t('programme.managersSaved')}
        </Alert>
      )}
      <Problem error={save.error} areas={['manager']} />
      <QueryState query={candidates}>
        {() => (
          <Stack gap="lg">
            <MultiSelect label={t('programme.managers')} description={t('programme.managersHint')} data={options} value={selected} onChange={setSelected} searchable />
            <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('programme.saveManagers')}
            </Button>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
