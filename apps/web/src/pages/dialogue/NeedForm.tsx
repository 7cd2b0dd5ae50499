import { Button, Group, Paper, Stack, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { keys, type Need } from './queries';

type NeedInput = Schemas['NeedDto'];

const EMPTY = { title: '', description: '', targetGroup: '', evidence: '', tags: [] as string[] };

type NeedText = Pick<typeof EMPTY, 'title' | 'description' | 'targetGroup' | 'evidence'>;

/** The fields of a need's words, shared by adding a need and correcting one; `form` keeps the fields' ids apart. */
function NeedTextFields<T extends NeedText>({ form, setForm, errors, withEvidence, formName }: { form: T; setForm: (form: T) => void; errors: Record<string, string>; withEvidence: boolean; formName: string }) {
  const { t } = useTranslation('dialogue');
  const text = (name: keyof NeedText) => ({
    id: fieldId(name, formName),
    value: form[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <TextInput label={t('need.title')} description={t('need.titleHint')} required maxLength={200} {...text('title')} />
      <Textarea label={t('need.description')} autosize minRows={2} maxLength={5000} {...text('description')} />
      <TextInput label={t('need.targetGroupLabel')} maxLength={500} {...text('targetGroup')} />
      {withEvidence && <Textarea label={t('need.evidenceLabel')} autosize minRows={2} maxLength={5000} {...text('evidence')} />}
    </>
  );
}

function useNeedLabels(): Record<keyof NeedText, string> {
  const { t } = useTranslation('dialogue');
  return { title: t('need.title'), description: t('need.description'), targetGroup: t('need.targetGroupLabel'), evidence: t('need.evidenceLabel') };
}

/** Adding a need, for a participant (through their link) or an arranger; `send` says where it goes. */
export function NeedForm({ send, onAdded, withEvidence = false }: { send: (need: NeedInput) => Promise<unknown>; onAdded: () => Promise<void> | void; withEvidence?: boolean }) {
  const { t } = useTranslation('dialogue');
  const labels = useNeedLabels();
  const [form, setForm] = useState(EMPTY);
  const add = useMutation({
    mutationFn: () => send({ title: form.title, description: form.description || undefined, targetGroup: form.targetGroup || undefined, evidence: form.evidence || undefined, tags: form.tags }),
    onSuccess: async () => {
      setForm(EMPTY);
      await onAdded();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="need-form-title">
      <Title order={2} size="h3" id="need-form-title" mb="sm">
        {t('need.add')}
      </Title>
      <Problem error={add.error} areas={['dialogue']} form="need" labels={labels} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NeedTextFields form={form} setForm={setForm} errors={fieldErrors(add.error)} withEvidence={withEvidence} formName="need" />
          <TagsInput label={t('need.tags')} description={t('need.tagsHint')} value={form.tags} onChange={(tags) => setForm({ ...form, tags })} maxTags={20} id={fieldId('tags', 'need')} />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('need.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** An arranger corrects a need's words in place; the version read goes with it, so a change someone else made meanwhile is not overwritten. */
export function NeedTextForm({ meetingId, need, onDone }: { meetingId: string; need: Need; onDone: () => void }) {
  const { t } = useTranslation('dialogue');
  const labels = useNeedLabels();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NeedText>({ title: need.title, description: need.description ?? '', targetGroup: need.targetGroup ?? '', evidence: need.evidence ?? '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.needs(meetingId) });
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/dialogue-meetings/{id}/needs/{needId}', {
          params: { path: { id: meetingId, needId: need.id }, header: ifMatch(need.version) },
          body: { title: form.title, description: form.description || null, targetGroup: form.targetGroup || null, evidence: form.evidence || null },
        })
      ),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const formName = `need-${need.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('need.editLabel', { title: need.title })}>
      <Stack gap="sm" mt="xs">
        <Problem
          error={save.error}
          areas={['dialogue']}
          form={formName}
          labels={labels}
          onReload={() => {
            void refresh();
            onDone();
          }}
        />
        <NeedTextFields form={form} setForm={setForm} errors={fieldErrors(save.error)} withEvidence formName={formName} />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('need.editSave')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('need.editCancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
