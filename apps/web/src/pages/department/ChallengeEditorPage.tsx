import { Alert, Anchor, Button, Checkbox, Fieldset, Group, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useMunicipalities, useSdgs } from '@web/api/reference';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { ChallengeOrigin } from '@web/pages/dialogue/ChallengeOrigin';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { DepartmentState } from './DepartmentState';
import { Revisions } from '@web/pages/challenges/Revisions';
import { ifMatch, keys, useChallenge, useTestEnvironments, type Challenge, type ChallengeInput } from './queries';

type Uptake = NonNullable<Schemas['RouteToAdoptionDto']['uptake']>;
const UPTAKES: Uptake[] = ['operations_budget', 'procurement', 'grant', 'none_yet'];
/** Languages a challenge may ask for: Sweden's official and most spoken ones; names come from Intl. */
const WORK_LANGUAGES = ['sv', 'en', 'ar', 'fi', 'so', 'fa', 'ti', 'bs', 'hr', 'sr', 'pl', 'de', 'es', 'fr', 'ku', 'tr', 'ru', 'uk', 'se', 'yi'];
const EDITABLE: Challenge['state'][] = ['draft', 'changes_requested'];

/** One challenge to write, save as a draft, submit, and read the review of: `new` starts one. */
export function ChallengeEditorPage() {
  const { challengeId } = useParams({ from: '/challenges/$challengeId' });
  const { t } = useTranslation('department');
  const challenge = useChallenge(challengeId);
  // Kept here: a saved version starts the form afresh, and a new challenge moves to its own address.
  const [notice, setNotice] = useState<'saved' | 'submitted' | null>(null);
  const noticeAlert = notice && (
    <Alert color="green" role="status" mb="lg">
      {t(`editor.${notice}`)}
    </Alert>
  );
  if (challengeId === 'new') {
    return (
      <>
        <PageTitle intro={t('editor.intro')}>{t('editor.newTitle')}</PageTitle>
        <DepartmentState>{(department) => <Editor departmentId={department.id} challenge={null} onReload={() => undefined} onNotice={setNotice} />}</DepartmentState>
      </>
    );
  }
  return (
    <QueryState query={challenge}>
      {(current) => (
        <>
          <PageTitle intro={t('editor.intro')}>{current.title}</PageTitle>
          <Group gap="sm" mb="lg">
            <ChallengeStateBadge state={current.state} />
            <Anchor component={Link} to="/challenges">
              {t('editor.back')}
            </Anchor>
          </Group>
          <ChallengeOrigin origin={current.origin} />
          {noticeAlert}
          <Stack gap="xl">
            <Revisions challenge={current} />
            <Editor key={current.version} departmentId={current.departmentId} challenge={current} onReload={() => void challenge.refetch()} onNotice={setNotice} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}

const initialForm = (challenge: Challenge | null): ChallengeInput => ({
  title: challenge?.title ?? '',
  problemStatement: challenge?.problemStatement ?? '',
  targetGroup: challenge?.targetGroup ?? '',
  desiredOutcome: challenge?.desiredOutcome ?? '',
  themes: challenge?.themes ?? [],
  sdgs: challenge?.sdgs ?? [],
  competences: challenge?.competences ?? [],
  languages: challenge?.languages ?? ['sv'],
  municipalityCode: challenge?.municipalityCode ?? undefined,
  hoursPerWeek: challenge?.hoursPerWeek ?? undefined,
  seats: challenge?.seats ?? 1,
  testEnvironmentIds: challenge?.testEnvironmentIds ?? [],
  routeToAdoption: {
    needOwner: {
      name: challenge?.routeToAdoption.needOwner.name ?? '',
      role: challenge?.routeToAdoption.needOwner.role ?? '',
      email: challenge?.routeToAdoption.needOwner.email ?? undefined,
    },
    uptake: challenge?.routeToAdoption.uptake ?? undefined,
    uptakeNote: challenge?.routeToAdoption.uptakeNote ?? '',
    adoptedMeans: challenge?.routeToAdoption.adoptedMeans ?? '',
  },
});

/** Empty optional values are left out rather than sent as invalid ones. */
const cleaned = (form: ChallengeInput): ChallengeInput => ({
  ...form,
  municipalityCode: form.municipalityCode || undefined,
  routeToAdoption: {
    ...form.routeToAdoption,
    needOwner: {
      ...form.routeToAdoption?.needOwner,
      email: form.routeToAdoption?.needOwner?.email?.trim() || undefined,
    },
  },
});

interface EditorProps {
  departmentId: string;
  challenge: Challenge | null;
  onReload: () => void;
  onNotice: (notice: 'saved' | 'submitted' | null) => void;
}

function Editor({ departmentId, challenge, onReload, onNotice }: EditorProps) {
  const { t, i18n } = useTranslation('department');
  const format = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sdgs = useSdgs();
  const municipalities = useMunicipalities();
  const environments = useTestEnvironments(departmentId);
  const [form, setForm] = useState<ChallengeInput>(() => initialForm(challenge));
  const editable = !challenge || EDITABLE.includes(challenge.state);

  const store = async (): Promise<Challenge> => {
    const body = cleaned(form);
    if (!challenge) return unwrap(await api.POST('/api/challenges', { body: { ...body, departmentId } }));
    return unwrap(
      await api.PUT('/api/challenges/{id}', {
        params: {
          path: { id: challenge.id },
          header: ifMatch(challenge.version),
        },
        body,
      })
    );
  };
  const settle = async (saved: Challenge) => {
    queryClient.setQueryData(keys.challenge(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: keys.challenges });
    if (!challenge)
      await navigate({
        to: '/challenges/$challengeId',
        params: { challengeId: saved.id },
      });
  };
  const save = useMutation({
    mutationFn: store,
    onSuccess: async (saved) => {
      onNotice('saved');
      await settle(saved);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await store();
      // The draft is kept even when submitting is refused, so the next try sends its new version.
      queryClient.setQueryData(keys.challenge(saved.id), saved);
      return unwrap(
        await api.POST('/api/challenges/{id}/submit', {
          params: { path: { id: saved.id } },
        })
      );
    },
    onSuccess: async (saved) => {
      onNotice('submitted');
      await settle(saved);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.challenges }),
  });
  const error = submit.error ?? save.error;
  const messages = fieldErrors(error);
  const errorFor = (field: string): string | undefined => messages[field];
  const route = form.routeToAdoption ?? {};
  const owner = route.needOwner ?? {};
  const set = <K extends keyof ChallengeInput>(name: K, value: ChallengeInput[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const setRoute = (value: Partial<NonNullable<ChallengeInput['routeToAdoption']>>) =>
    setForm((previous) => ({
      ...previous,
      routeToAdoption: { ...previous.routeToAdoption, ...value },
    }));
  const setOwner = (value: Partial<Schemas['NeedOwnerDto']>) => setRoute({ needOwner: { ...owner, ...value } });

  const labels: Record<string, string> = {
    title: t('editor.title'),
    problemStatement: t('editor.problemStatement'),
    targetGroup: t('editor.targetGroup'),
    desiredOutcome: t('editor.desiredOutcome'),
    themes: t('editor.themes'),
    sdgs: t('editor.sdgs'),
    competences: t('editor.competences'),
    languages: t('editor.languages'),
    municipalityCode: t('editor.municipality'),
    hoursPerWeek: t('editor.hours'),
    seats: t('editor.seats'),
    testEnvironmentIds: t('editor.environments'),
    'routeToAdoption.needOwner.name': t('editor.needOwnerName'),
    'routeToAdoption.needOwner.role': t('editor.needOwnerRole'),
    'routeToAdoption.needOwner.email': t('editor.needOwnerEmail'),
    'routeToAdoption.uptake': t('editor.uptake'),
    'routeToAdoption.uptakeNote': t('editor.uptakeNote'),
    'routeToAdoption.adoptedMeans': t('editor.adoptedMeans'),
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    submit.reset();
    save.mutate();
  };
  const onSubmit = () => {
    onNotice(null);
    save.reset();
    submit.mutate();
  };
  const activeEnvironments = (environments.data ?? []).filter((environment) => environment.active || form.testEnvironmentIds?.includes(environment.id));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
      {!editable && challenge && (
        <Alert color="gray" mb="lg">
          {t('editor.readOnly', {
            state: t(`states.${challenge.state}`).toLocaleLowerCase(i18n.language),
          })}
        </Alert>
      )}
      <Problem error={error} areas={['department']} labels={labels} onReload={onReload} />
      <form onSubmit={onSave} noValidate>
        <Stack gap="xl">
          <Fieldset legend={t('editor.about')} disabled={!editable} variant="unstyled">
            <Stack gap="lg">
              <TextInput
                id={fieldId('title')}
                label={labels.title}
                required
                maxLength={200}
                value={form.title}
                onChange={(event) => set('title', event.currentTarget.value)}
                error={errorFor('title')}
              />
              <Textarea
                id={fieldId('problemStatement')}
                label={labels.problemStatement}
                description={t('editor.problemStatementHint')}
                autosize
                minRows={4}
                maxLength={20000}
                value={form.problemStatement}
                onChange={(event) => set('problemStatement', event.currentTarget.value)}
                error={errorFor('problemStatement')}
              />
              <Textarea
                id={fieldId('targetGroup')}
                label={labels.targetGroup}
                description={t('editor.targetGroupHint')}
                autosize
                minRows={2}
                maxLength={2000}
                value={form.targetGroup}
                onChange={(event) => set('targetGroup', event.currentTarget.value)}
                error={errorFor('targetGroup')}
              />
              <Textarea
                id={fieldId('desiredOutcome')}
                label={labels.desiredOutcome}
                autosize
                minRows={2}
                maxLength={5000}
                value={form.desiredOutcome}
                onChange={(event) => set('desiredOutcome', event.currentTarget.value)}
                error={errorFor('desiredOutcome')}
              />
              <TagsInput
                id={fieldId('themes')}
                label={labels.themes}
                description={t('editor.themesHint')}
                maxTags={20}
                value={form.themes}
                onChange={(value) => set('themes', value)}
                error={errorFor('themes')}
              />
              <TagsInput
                id={fieldId('competences')}
                label={labels.competences}
                description={t('editor.competencesHint')}
                maxTags={30}
                value={form.competences}
                onChange={(value) => set('competences', value)}
                error={errorFor('competences')}
              />
              <MultiSelect
                id={fieldId('languages')}
                label={labels.languages}
                data={WORK_LANGUAGES.map((code) => ({
                  value: code,
                  label: format.language(code),
                }))}
                searchable
                maxValues={10}
                value={form.languages}
                onChange={(value) => set('languages', value)}
                error={errorFor('languages')}
              />
              <Select
                id={fieldId('municipalityCode')}
                label={labels.municipalityCode}
                data={(municipalities.data ?? []).map((municipality) => ({
                  value: municipality.code,
                  label: municipality.name,
                }))}
                searchable
                clearable
                nothingFoundMessage={t('noneYet', { ns: 'common' })}
                value={form.municipalityCode ?? null}
                onChange={(value) => set('municipalityCode', value ?? undefined)}
                error={errorFor('municipalityCode')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  id={fieldId('hoursPerWeek')}
                  label={labels.hoursPerWeek}
                  min={1}
                  max={80}
                  allowDecimal={false}
                  value={form.hoursPerWeek ?? ''}
                  onChange={(value) => set('hoursPerWeek', typeof value === 'number' ? value : undefined)}
                  error={errorFor('hoursPerWeek')}
                />
                <NumberInput
                  id={fieldId('seats')}
                  label={labels.seats}
                  min={1}
                  max={100}
                  allowDecimal={false}
                  value={form.seats ?? ''}
                  onChange={(value) => set('seats', typeof value === 'number' ? value : undefined)}
                  error={errorFor('seats')}
                />
              </SimpleGrid>
              <Checkbox.Group id={fieldId('sdgs')} label={labels.sdgs} value={form.sdgs?.map(String)} onChange={(value) => set('sdgs', value.map(Number))} error={errorFor('sdgs')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {(sdgs.data ?? []).map((sdg) => (
                    <Checkbox
                      key={sdg.number}
                      value={String(sdg.number)}
                      label={t('editor.sdg', {
                        number: sdg.number,
                        name: i18n.language === 'sv' ? sdg.nameSv : sdg.nameEn,
                      })}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Checkbox.Group
                id={fieldId('testEnvironmentIds')}
                label={labels.testEnvironmentIds}
                description={t('editor.environmentsHint')}
                value={form.testEnvironmentIds}
                onChange={(value) => set('testEnvironmentIds', value)}
                error={errorFor('testEnvironmentIds')}
              >
                <Stack mt="xs" gap="xs">
                  {activeEnvironments.length === 0 && environments.isSuccess && <Text size="sm">{t('editor.noEnvironments')}</Text>}
                  {activeEnvironments.map((environment) => (
                    <Checkbox key={environment.id} value={environment.id} label={environment.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('editor.route')} disabled={!editable}>
            <Text mb="md" id="route-why">
              {t('editor.routeWhy')}
            </Text>
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  id={fieldId('routeToAdoption.needOwner.name')}
                  label={labels['routeToAdoption.needOwner.name']}
                  required
                  maxLength={200}
                  value={owner.name ?? ''}
                  onChange={(event) => setOwner({ name: event.currentTarget.value })}
                  error={errorFor('routeToAdoption.needOwner.name')}
                />
                <TextInput
                  id={fieldId('routeToAdoption.needOwner.role')}
                  label={labels['routeToAdoption.needOwner.role']}
                  required
                  maxLength={200}
                  value={owner.role ?? ''}
                  onChange={(event) => setOwner({ role: event.currentTarget.value })}
                  error={errorFor('routeToAdoption.needOwner.role')}
                />
              </SimpleGrid>
              <TextInput
                id={fieldId('routeToAdoption.needOwner.email')}
                type="email"
                label={labels['routeToAdoption.needOwner.email']}
                maxLength={254}
                value={owner.email ?? ''}
                onChange={(event) => setOwner({ email: event.currentTarget.value })}
                error={errorFor('routeToAdoption.needOwner.email')}
              />
              <Radio.Group
                id={fieldId('routeToAdoption.uptake')}
                label={labels['routeToAdoption.uptake']}
                required
                value={route.uptake ?? ''}
                onChange={(value) => setRoute({ uptake: value as Uptake })}
                error={errorFor('routeToAdoption.uptake')}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {UPTAKES.map((uptake) => (
                    <Radio key={uptake} value={uptake} label={t(`editor.uptakes.${uptake}`)} />
                  ))}
                </SimpleGrid>
              </Radio.Group>
              <Textarea
                id={fieldId('routeToAdoption.uptakeNote')}
                label={labels['routeToAdoption.uptakeNote']}
                description={t('editor.uptakeNoteHint')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={route.uptakeNote ?? ''}
                onChange={(event) => setRoute({ uptakeNote: event.currentTarget.value })}
                error={errorFor('routeToAdoption.uptakeNote')}
              />
              <Textarea
                id={fieldId('routeToAdoption.adoptedMeans')}
                label={labels['routeToAdoption.adoptedMeans']}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={route.adoptedMeans ?? ''}
                onChange={(event) => setRoute({ adoptedMeans: event.currentTarget.value })}
                error={errorFor('routeToAdoption.adoptedMeans')}
              />
            </Stack>
          </Fieldset>
          {editable && (
            <Group gap="sm">
              <Button type="submit" variant="default" size="md" loading={save.isPending}>
                {t('editor.save')}
              </Button>
              <Button type="button" size="md" onClick={onSubmit} loading={submit.isPending}>
                {challenge?.state === 'changes_requested' ? t('editor.resubmit') : t('editor.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
