import { Badge, Button, Group, Paper, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { Problem, fieldId } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { Saved, Section } from './Section';
import { trackKeys, type Learning } from './tracks';

const KINDS = ['insight', 'obstacle', 'enabler', 'method'] as const;
type Kind = (typeof KINDS)[number];
const FORM = 'learning';

/** What everyone on the track has learnt, and a form to add to it. */
export function LearningsSection({ trackId, mayManage }: { trackId: string; mayManage: boolean }) {
  const { t } = useTranslation('tracks');
  return (
    <Section id="track-learnings" title={t('learnings.title')}>
      <LearningForm trackId={trackId} />
      <CursorList
        queryKey={trackKeys.learnings(trackId)}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/tracks/{id}/learnings', { params: { path: { id: trackId }, query: { cursor, limit: 20 } } }))}
        itemKey={(learning) => learning.id}
        renderItem={(learning) => <LearningItem trackId={trackId} learning={learning} mayManage={mayManage} />}
        empty={t('learnings.empty')}
      />
    </Section>
  );
}

function LearningItem({ trackId, learning, mayManage }: { trackId: string; learning: Learning; mayManage: boolean }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  return (
    <Paper bg="gray.0" p="sm">
      <Text size="sm" c="gray.7">
        {t(`learnings.kinds.${learning.kind}`)} · {format.date(learning.createdAt)}
        {learning.tags.length > 0 && ` · ${learning.tags.join(', ')}`}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{learning.text}</Text>
      {learning.publicationApprovedAt && (
        <Badge variant="light" color="green" mt="xs" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {t('learnings.approved', { when: format.date(learning.publicationApprovedAt) })}
        </Badge>
      )}
      {mayManage && learning.text !== '' && <Publication trackId={trackId} learning={learning} />}
    </Paper>
  );
}

/** The manager's approval of the text for open data, or its withdrawal. */
function Publication({ trackId, learning }: { trackId: string; learning: Learning }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const path = { params: { path: { id: trackId, learningId: learning.id } } };
  const change = useMutation({
    mutationFn: async (approve: boolean) => (approve ? unwrap(await api.PUT('/api/tracks/{id}/learnings/{learningId}/publication', path)) : unwrap(await api.DELETE('/api/tracks/{id}/learnings/{learningId}/publication', path))),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trackKeys.learnings(trackId) }),
  });
  const approved = learning.publicationApprovedAt !== null;
  return (
    <Stack gap={4} mt="xs">
      <Problem error={change.error} areas={['tracks']} />
      <Group gap="sm">
        <Button size="xs" variant="default" loading={change.isPending} onClick={() => change.mutate(!approved)}>
          {approved ? t('learnings.withdraw') : t('learnings.approve')}
        </Button>
      </Group>
      {!approved && (
        <Text size="xs" c="gray.7">
          {t('learnings.approveHint')}
        </Text>
      )}
    </Stack>
  );
}

function LearningForm({ trackId }: { trackId: string }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('insight');
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tracks/{id}/learnings', { params: { path: { id: trackId } }, body: { kind, text, tags } })),
    onSuccess: () => {
      setText('');
      setTags([]);
      void queryClient.invalidateQueries({ queryKey: trackKeys.learnings(trackId) });
    },
  });
  const errors = fieldErrors(add.error);
  const labels = { kind: t('learnings.kind'), text: t('learnings.text'), tags: t('learnings.tags') };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Saved shown={add.isSuccess}>{t('learnings.added')}</Saved>
      <Problem error={add.error} areas={['tracks']} labels={labels} form={FORM} />
      <Stack gap="sm" mb="lg">
        <Select
          id={fieldId('kind', FORM)}
          label={labels.kind}
          data={KINDS.map((value) => ({ value, label: t(`learnings.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as Kind)}
          allowDeselect={false}
          error={errors.kind}
        />
        <Textarea id={fieldId('text', FORM)} label={labels.text} required autosize minRows={3} maxLength={8000} value={text} onChange={(event) => setText(event.currentTarget.value)} error={errors.text} />
        <TagsInput id={fieldId('tags', FORM)} label={labels.tags} description={t('learnings.tagsHint')} value={tags} onChange={setTags} error={errors.tags} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('learnings.add')}
        </Button>
      </Stack>
    </form>
  );
}
