import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { ConsentRule } from './ConsentRule';
import { Saved, Section } from './Section';
import { PLANNING_STAGES, trackKeys, type Track } from './tracks';

const FORM = 'plan';

/** The test plan, the gate into the test environment: anyone on the track writes it until evaluation. */
export function TestPlanSection({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const plan = track.testPlan;
  const open = PLANNING_STAGES.includes(track.stage);
  const environment = track.testEnvironments.find((candidate) => candidate.id === plan?.testEnvironmentId);
  return (
    <Section id="track-plan" title={t('plan.title')}>
      <Saved shown={saved && !editing}>{t('plan.saved')}</Saved>
      {editing ? (
        <PlanForm
          track={track}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {plan ? (
            <Stack gap={4}>
              {environment && <Text>{t('plan.at', { name: environment.name })}</Text>}
              <Text>{t('plan.period', { from: format.date(plan.startsOn), to: plan.endsOn ? format.date(plan.endsOn) : '…' })}</Text>
              <Text>{t('plan.taking', { count: plan.users })}</Text>
              <Text fw={600} mt="xs">
                {t('plan.whatWillBeTried')}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.whatWillBeTried}</Text>
              <Text fw={600} mt="xs">
                {t('plan.consentArrangements')}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.consentArrangements}</Text>
            </Stack>
          ) : (
            <Text>{t('plan.none')}</Text>
          )}
          {open ? (
            <Button
              mt="md"
              variant={plan ? 'default' : 'filled'}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {plan ? t('plan.edit') : t('plan.write')}
            </Button>
          ) : (
            plan && (
              <Text size="sm" c="gray.7" mt="sm">
                {t('plan.closed')}
              </Text>
            )
          )}
        </>
      )}
    </Section>
  );
}

function PlanForm({ track, onDone, onCancel }: { track: Track; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const plan = track.testPlan;
  const [form, setForm] = useState({
    testEnvironmentId: plan?.testEnvironmentId ?? track.testEnvironments[0]?.id ?? '',
    startsOn: plan?.startsOn ?? '',
    endsOn: plan?.endsOn ?? '',
    users: plan?.users ?? 1,
    whatWillBeTried: plan?.whatWillBeTried ?? '',
    consentArrangements: plan?.consentArrangements ?? '',
  });
  const set = <K extends keyof typeof form>(name: K, value: (typeof form)[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/tracks/{id}/test-plan', {
          params: { path: { id: track.id }, header: ifMatch(track.version) },
          body: { ...form, endsOn: form.endsOn || undefined },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(trackKeys.track(track.id), updated);
      void queryClient.invalidateQueries({ queryKey: trackKeys.list });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const labels = {
    testEnvironmentId: t('plan.environment'),
    startsOn: t('plan.startsOn'),
    endsOn: t('plan.endsOn'),
    users: t('plan.users'),
    whatWillBeTried: t('plan.whatWillBeTried'),
    consentArrangements: t('plan.consentArrangements'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Problem error={save.error} areas={['tracks']} labels={labels} form={FORM} onReload={() => void queryClient.invalidateQueries({ queryKey: trackKeys.track(track.id) })} />
      <Stack gap="sm">
        <Select
          id={fieldId('testEnvironmentId', FORM)}
          label={labels.testEnvironmentId}
          required
          data={track.testEnvironments.map((environment) => ({ value: environment.id, label: environment.name }))}
          value={form.testEnvironmentId || null}
          onChange={(value) => set('testEnvironmentId', value ?? '')}
          allowDeselect={false}
          error={errors.testEnvironmentId}
        />
        <ConsentRule environment={track.testEnvironments.find((environment) => environment.id === form.testEnvironmentId)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput id={fieldId('startsOn', FORM)} label={labels.startsOn} type="date" required value={form.startsOn} onChange={(event) => set('startsOn', event.currentTarget.value)} error={errors.startsOn} />
          <TextInput id={fieldId('endsOn', FORM)} label={labels.endsOn} description={t('plan.endsOnHint')} type="date" value={form.endsOn} onChange={(event) => set('endsOn', event.currentTarget.value)} error={errors.endsOn} />
          <NumberInput id={fieldId('users', FORM)} label={labels.users} required min={1} max={100000} allowDecimal={false} value={form.users} onChange={(value) => set('users', typeof value === 'number' ? value : 1)} error={errors.users} />
        </SimpleGrid>
        <Textarea id={fieldId('whatWillBeTried', FORM)} label={labels.whatWillBeTried} required autosize minRows={3} maxLength={8000} value={form.whatWillBeTried} onChange={(event) => set('whatWillBeTried', event.currentTarget.value)} error={errors.whatWillBeTried} />
        <Textarea
          id={fieldId('consentArrangements', FORM)}
          label={labels.consentArrangements}
          description={t('plan.consentArrangementsHint')}
          required
          autosize
          minRows={2}
          maxLength={4000}
          value={form.consentArrangements}
          onChange={(event) => set('consentArrangements', event.currentTarget.value)}
          error={errors.consentArrangements}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('plan.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
