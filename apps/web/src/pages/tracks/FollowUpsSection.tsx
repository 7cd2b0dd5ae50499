import { Button, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { Problem, fieldId } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { Saved, Section } from './Section';
import { trackKeys } from './tracks';

const FORM = 'followUp';

/** After graduation: how it went since, written by anyone on the track. */
export function FollowUpsSection({ trackId }: { trackId: string }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  return (
    <Section id="track-follow-ups" title={t('followUps.title')} intro={t('followUps.intro')}>
      <FollowUpForm trackId={trackId} />
      <CursorList
        queryKey={trackKeys.followUps(trackId)}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/tracks/{id}/follow-ups', { params: { path: { id: trackId }, query: { cursor, limit: 20 } } }))}
        itemKey={(followUp) => followUp.id}
        renderItem={(followUp) => (
          <Paper bg="gray.0" p="sm">
            <Text size="sm" c="gray.7">
              {format.date(followUp.followedUpOn)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{followUp.text}</Text>
          </Paper>
        )}
        empty={t('followUps.empty')}
      />
    </Section>
  );
}

function FollowUpForm({ trackId }: { trackId: string }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const [followedUpOn, setFollowedUpOn] = useState('');
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tracks/{id}/follow-ups', { params: { path: { id: trackId } }, body: { followedUpOn, text } })),
    onSuccess: () => {
      setFollowedUpOn('');
      setText('');
      void queryClient.invalidateQueries({ queryKey: trackKeys.followUps(trackId) });
    },
  });
  const errors = fieldErrors(add.error);
  const labels = { followedUpOn: t('followUps.on'), text: t('followUps.text') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Saved shown={add.isSuccess}>{t('followUps.added')}</Saved>
      <Problem error={add.error} areas={['tracks']} labels={labels} form={FORM} />
      <Stack gap="sm" mb="lg">
        <TextInput id={fieldId('followedUpOn', FORM)} label={labels.followedUpOn} type="date" required maw={240} value={followedUpOn} onChange={(event) => setFollowedUpOn(event.currentTarget.value)} error={errors.followedUpOn} />
        <Textarea id={fieldId('text', FORM)} label={labels.text} required autosize minRows={3} maxLength={8000} value={text} onChange={(event) => setText(event.currentTarget.value)} error={errors.text} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('followUps.add')}
        </Button>
      </Stack>
    </form>
  );
}
