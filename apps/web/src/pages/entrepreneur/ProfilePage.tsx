import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useMunicipalities, useSdgs } from '@web/api/reference';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { ifMatch, keys, useProfile, type Profile } from './queries';

type ProfileInput = Schemas['ProfileDto'];
type Kind = ProfileInput['kind'];
const KINDS: Kind[] = ['social_entrepreneur', 'researcher', 'student', 'other'];
/** Languages offered for work: Sweden's official and most spoken ones; names come from Intl. */
const WORK_LANGUAGES = ['sv', 'en', 'ar', 'fi', 'so', 'fa', 'ti', 'bs', 'hr', 'sr', 'pl', 'de', 'es', 'fr', 'ku', 'tr', 'ru', 'uk', 'se', 'yi'];

export function ProfilePage() {
  const { t } = useTranslation('entrepreneur');
  const queryClient = useQueryClient();
  const profile = useProfile();
  const save = useMutation({
    mutationFn: async (body: ProfileInput) =>
      // The first save creates the profile and has no version to send.
      unwrap(await api.PUT('/api/entrepreneurs/me', { body, params: { header: profile.data ? ifMatch(profile.data.version) : {} } })),
    onSuccess: (saved) => queryClient.setQueryData(keys.profile, saved),
  });
  const reload = async () => {
    save.reset();
    await profile.refetch();
  };

  return (
    <>
      <PageTitle intro={t('profile.intro')}>{t('profile.title')}</PageTitle>
      <QueryState query={profile}>
        {(current) => (
          <>
            {save.isSuccess && (
              <Alert color="green" role="status" mb="lg">
                {t('profile.saved')}
              </Alert>
            )}
            {/* A new version (saved, or reloaded after a conflict) starts the form afresh. */}
            <ProfileForm key={current?.version ?? 'new'} profile={current} error={save.error} saving={save.isPending} onSave={(body) => save.mutate(body)} onReload={reload} />
          </>
        )}
      </QueryState>
    </>
  );
}

interface ProfileFormProps {
  profile: Profile | null;
  error: unknown;
  saving: boolean;
  onSave: (body: ProfileInput) => void;
  onReload: () => void;
}

function ProfileForm({ profile, error, saving, onSave, onReload }: ProfileFormProps) {
  const { t, i18n } = useTranslation('entrepreneur');
  const format = useFormat();
  const sdgs = useSdgs();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<ProfileInput>({
    kind: profile?.kind ?? 'social_entrepreneur',
    organisation: profile?.organisation ?? '',
    competences: profile?.competences ?? [],
    themes: profile?.themes ?? [],
    sdgs: profile?.sdgs ?? [],
    languages: profile?.languages ?? ['sv'],
    municipalityCode: profile?.municipalityCode ?? null,
    hoursPerWeek: profile?.hoursPerWeek ?? null,
    pitch: profile?.pitch ?? '',
  });
  const set = <K extends keyof ProfileInput>(name: K, value: ProfileInput[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const errors = fieldErrors(error);
  const labels = {
    kind: t('profile.kind'),
    organisation: t('profile.organisation'),
    competences: t('profile.competences'),
    themes: t('profile.themes'),
    languages: t('profile.languages'),
    sdgs: t('profile.sdgs'),
    municipalityCode: t('profile.municipality'),
    hoursPerWeek: t('profile.hours'),
    pitch: t('profile.pitch'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(form);
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
      <Problem error={error} areas={['entrepreneur']} labels={labels} onReload={onReload} />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Radio.Group id={fieldId('kind')} label={labels.kind} value={form.kind} onChange={(value) => set('kind', value as Kind)} error={errors.kind} required>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="xs" spacing="xs">
              {KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={t(`profile.kinds.${kind}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <TextInput id={fieldId('organisation')} label={labels.organisation} maxLength={200} value={form.organisation} onChange={(event) => set('organisation', event.currentTarget.value)} error={errors.organisation} />
          <TagsInput id={fieldId('competences')} label={labels.competences} description={t('profile.competencesHint')} maxTags={30} value={form.competences} onChange={(value) => set('competences', value)} error={errors.competences} />
          <TagsInput id={fieldId('themes')} label={labels.themes} description={t('profile.themesHint')} maxTags={30} value={form.themes} onChange={(value) => set('themes', value)} error={errors.themes} />
          <MultiSelect
            id={fieldId('languages')}
            label={labels.languages}
            data={WORK_LANGUAGES.map((code) => ({ value: code, label: format.language(code) }))}
            searchable
            value={form.languages}
            onChange={(value) => set('languages', value)}
            error={errors.languages}
          />
          <Select
            id={fieldId('municipalityCode')}
            label={labels.municipalityCode}
            description={t('profile.municipalityHint')}
            data={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
            searchable
            clearable
            nothingFoundMessage={t('noneYet', { ns: 'common' })}
            value={form.municipalityCode ?? null}
            onChange={(value) => set('municipalityCode', value)}
            error={errors.municipalityCode}
          />
          <NumberInput
            id={fieldId('hoursPerWeek')}
            label={labels.hoursPerWeek}
            min={0}
            max={168}
            allowDecimal={false}
            value={form.hoursPerWeek ?? ''}
            onChange={(value) => set('hoursPerWeek', typeof value === 'number' ? value : null)}
            error={errors.hoursPerWeek}
            maw={360}
          />
          <Checkbox.Group id={fieldId('sdgs')} label={labels.sdgs} value={form.sdgs?.map(String)} onChange={(value) => set('sdgs', value.map(Number))} error={errors.sdgs}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {(sdgs.data ?? []).map((sdg) => (
                <Checkbox key={sdg.number} value={String(sdg.number)} label={t('profile.sdg', { number: sdg.number, name: i18n.language === 'sv' ? sdg.nameSv : sdg.nameEn })} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea id={fieldId('pitch')} label={labels.pitch} description={t('profile.pitchHint')} autosize minRows={4} maxLength={2000} value={form.pitch} onChange={(event) => set('pitch', event.currentTarget.value)} error={errors.pitch} />
          <Group justify="space-between" align="center">
            <Button type="submit" loading={saving} size="md">
              {t('profile.save')}
            </Button>
            {profile && (
              <Text size="sm" c="gray.7">
                {t('profile.updated', { when: format.dateTime(profile.updatedAt) })}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
