import { Button, Checkbox, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { ConsentRule } from './ConsentRule';
import { Saved, Section } from './Section';
import { isEnded, TESTING_STAGES, trackKeys, type Track } from './tracks';

const FORM = 'session';

/** Sessions held with real users; recorded while the track is testing, with the environment's consent rule said before the form. */
export function TestSessionsSection({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  const sessions = useQuery({
    queryKey: trackKeys.sessions(track.id),
    queryFn: async () => unwrap(await api.GET('/api/tracks/{id}/test-sessions', { params: { path: { id: track.id }, query: { limit: 100 } } })).items,
  });
  const nameOf = (id: string) => track.testEnvironments.find((environment) => environment.id === id)?.name;
  const testing = TESTING_STAGES.includes(track.stage);
  return (
    <Section id="track-sessions" title={t('sessions.title')}>
      <QueryState query={sessions}>
        {(items) =>
          items.length === 0 ? (
            testing && <Text mb="md">{t('sessions.empty')}</Text>
          ) : (
            <Stack gap="sm" mb="lg">
              {items.map((session) => (
                <Paper key={session.id} bg="gray.0" p="sm">
                  <Text fw={600}>{t('sessions.held', { when: format.date(session.heldOn), count: session.usersInvolved })}</Text>
                  <Text size="sm" c="gray.7">
                    {[nameOf(session.testEnvironmentId), session.consentObtained ? t('sessions.withConsent') : t('sessions.withoutConsent')].filter(Boolean).join(' · ')}
                  </Text>
                  <Text mt={4}>
                    <strong>{t('sessions.tried')}:</strong> {session.whatWasTried}
                  </Text>
                  <Text>
                    <strong>{t('sessions.observed')}:</strong> {session.whatWasObserved}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {testing ? <SessionForm track={track} /> : <Text c="gray.8">{isEnded(track.stage) ? t('sessions.closed') : t('sessions.notYet')}</Text>}
    </Section>
  );
}

function SessionForm({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const blank = {
    heldOn: '',
    testEnvironmentId: track.testPlan?.testEnvironmentId ?? track.testEnvironments[0]?.id ?? '',
    usersInvolved: 1,
    whatWasTried: '',
    whatWasObserved: '',
    consentObtained: false,
  };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof form>(name: K, value: (typeof form)[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const record = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tracks/{id}/test-sessions', { params: { path: { id: track.id } }, body: form })),
    onSuccess: () => {
      setForm(blank);
      void queryClient.invalidateQueries({ queryKey: trackKeys.sessions(track.id) });
      // The gate into evaluation may be met now.
      void queryClient.invalidateQueries({ queryKey: trackKeys.track(track.id) });
    },
  });
  const errors = fieldErrors(record.error);
  const labels = {
    heldOn: t('sessions.heldOn'),
    testEnvironmentId: t('sessions.environment'),
    usersInvolved: t('sessions.users'),
    whatWasTried: t('sessions.tried'),
    whatWasObserved: t('sessions.observed'),
    consentObtained: t('sessions.consentObtained'),
  };
  const environment = track.testEnvironments.find((candidate) => candidate.id === form.testEnvironmentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Saved shown={record.isSuccess}>{t('sessions.added')}</Saved>
      <Problem error={record.error} areas={['tracks']} labels={labels} form={FORM} />
      <Stack gap="sm">
        <Select
          id={fieldId('testEnvironmentId', FORM)}
          label={labels.testEnvironmentId}
          required
          data={track.testEnvironments.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={form.testEnvironmentId || null}
          onChange={(value) => set('testEnvironmentId', value ?? '')}
          allowDeselect={false}
          error={errors.testEnvironmentId}
        />
        <ConsentRule environment={environment} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput id={fieldId('heldOn', FORM)} label={labels.heldOn} type="date" required value={form.heldOn} onChange={(event) => set('heldOn', event.currentTarget.value)} error={errors.heldOn} />
          <NumberInput
            id={fieldId('usersInvolved', FORM)}
            label={labels.usersInvolved}
            required
            min={0}
            max={100000}
            allowDecimal={false}
            value={form.usersInvolved}
            onChange={(value) => set('usersInvolved', typeof value === 'number' ? value : 0)}
            error={errors.usersInvolved}
          />
        </SimpleGrid>
        <Textarea id={fieldId('whatWasTried', FORM)} label={labels.whatWasTried} required autosize minRows={2} maxLength={8000} value={form.whatWasTried} onChange={(event) => set('whatWasTried', event.currentTarget.value)} error={errors.whatWasTried} />
        <Textarea id={fieldId('whatWasObserved', FORM)} label={labels.whatWasObserved} required autosize minRows={2} maxLength={8000} value={form.whatWasObserved} onChange={(event) => set('whatWasObserved', event.currentTarget.value)} error={errors.whatWasObserved} />
        <Checkbox id={fieldId('consentObtained', FORM)} label={labels.consentObtained} checked={form.consentObtained} onChange={(event) => set('consentObtained', event.currentTarget.checked)} error={errors.consentObtained} />
        <Button type="submit" loading={record.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('sessions.add')}
        </Button>
      </Stack>
    </form>
  );
}
