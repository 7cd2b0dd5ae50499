import { Button, Paper, Stack, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import type { Schemas } from '@web/api/client';

type NeedInput = Schemas['NeedDto'];

const EMPTY = { title: '', description: '', targetGroup: '', evidence: '', tags: [] as string[] };

/** Adding a need, for a participant (through their link) or an arranger; `send` says where it goes. */
export function NeedForm({ send, onAdded, withEvidence = false }: { send: (need: NeedInput) => Promise<unknown>; onAdded: () => Promise<void> | void; withEvidence?: boolean }) {
  const { t } = useTranslation('dialogue');
  const [form, setForm] = useState(EMPTY);
  const add = useMutation({
    mutationFn: () => send({ title: form.title, description: form.description || undefined, targetGroup: form.targetGroup || undefined, evidence: form.evidence || undefined, tags: form.tags }),
    onSuccess: async () => {
      setForm(EMPTY);
      await onAdded();
    },
  });
  const errors = fieldErrors(add.error);
  const text = (name: 'title' | 'description' | 'targetGroup' | 'evidence') => ({
    id: fieldId(name, 'need'),
    value: form[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => setForm({ ...form, [name]: event.currentTarget.value }),
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
      <Problem error={add.error} areas={['dialogue']} form="need" labels={{ title: t('need.title'), description: t('need.description'), targetGroup: t('need.targetGroupLabel'), evidence: t('need.evidenceLabel') }} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('need.title')} description={t('need.titleHint')} required maxLength={200} {...text('title')} />
          <Textarea label={t('need.description')} autosize minRows={2} maxLength={5000} {...text('description')} />
          <TextInput label={t('need.targetGroupLabel')} maxLength={500} {...text('targetGroup')} />
          {withEvidence && <Textarea label={t('need.evidenceLabel')} autosize minRows={2} maxLength={5000} {...text('evidence')} />}
          <TagsInput label={t('need.tags')} description={t('need.tagsHint')} value={form.tags} onChange={(tags) => setForm({ ...form, tags })} maxTags={20} id={fieldId('tags', 'need')} />
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('need.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
