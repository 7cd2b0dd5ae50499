import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { fetchUsers, keys } from './queries';

const route = getRouteApi('/admin/audit');

type AuditEvent = Schemas['AuditEventView'];

/** The start of a local day, and the start of the day after (the API's `to` is exclusive). */
const startOf = (day: string): string | undefined => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const endOf = (day: string): string | undefined => {
  if (!day) return undefined;
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};

/** The audit trail, newest first, filtered by who acted, what they did and when. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const search = route.useSearch();
  const [actorId, setActorId] = useState<string | null>(search.actorId ?? null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = Boolean(from && to && to < from);
  const filtered = Boolean(actorId || action || from || to);
  const clear = () => {
    setActorId(null);
    setAction(null);
    setFrom('');
    setTo('');
  };
  return (
    <>
      <PageTitle intro={t('audit.intro')}>{t('audit.title')}</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="audit-filters">
          <Title order={2} size="h4" id="audit-filters" mb="sm">
            {t('audit.filters')}
          </Title>
          <Group align="flex-end" gap="md" grow preventGrowOverflow={false} wrap="wrap">
            <WhoFilter value={actorId} onChange={setActorId} />
            <WhatFilter value={action} onChange={setAction} />
            <TextInput type="date" label={t('audit.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} miw={160} />
            <TextInput type="date" label={t('audit.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} error={badRange ? t('audit.badRange') : undefined} miw={160} />
          </Group>
          {filtered && (
            <Button variant="subtle" mt="sm" onClick={clear}>
              {t('audit.clear')}
            </Button>
          )}
        </Paper>
        {!badRange && (
          <CursorList
            queryKey={[...keys.audit, actorId, action, from, to]}
            fetchPage={async (cursor) =>
              unwrap(
                await api.GET('/api/audit-events', {
                  params: { query: { cursor, limit: 25, actorId: actorId ?? undefined, action: action ?? undefined, from: startOf(from), to: endOf(to) } },
                }),
              )
            }
            itemKey={(event) => event.id}
            empty={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
            renderItem={(event) => <EventRow event={event} />}
          />
        )}
      </Stack>
    </>
  );
}

/** Who acted: a person found by name or address, as the API searches them. */
function WhoFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({ queryKey: [...keys.users, 'search', q], queryFn: async () => (await fetchUsers({ q: q || undefined, limit: 20 })).items });
  const chosen = useQuery({
    queryKey: keys.user(value ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/users/{id}', { params: { path: { id: value ?? '' } } })),
    enabled: Boolean(value),
  });
  const data = useMemo(() => {
    const people = new Map((found.data ?? []).map((user) => [user.id, user.displayName]));
    if (chosen.data) people.set(chosen.data.id, chosen.data.displayName);
    return [...people].map(([id, name]) => ({ value: id, label: name }));
  }, [found.data, chosen.data]);
  return (
    <Select
      label={t('audit.who')}
      description={t('audit.whoHint')}
      placeholder={t('audit.anyone')}
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={text}
      onSearchChange={setText}
      nothingFoundMessage={t('users.emptySearch')}
      miw={220}
    />
  );
}

/** What was done: every kind of event the trail knows, by its name in words. */
function WhatFilter({ value, onChange }: { value: string | null; onChange: (action: string | null) => void }) {
  const { t } = useTranslation('admin');
  const data = useMemo(() => {
    const actions = t('actions', { returnObjects: true }) as Record<string, Record<string, string>>;
    return Object.entries(actions)
      .flatMap(([subject, verbs]) => Object.entries(verbs).map(([verb, label]) => ({ value: `${subject}.${verb}`, label })))
      .sort((a, b) => swedishCollator.compare(a.label, b.label));
  }, [t]);
  return <Select label={t('audit.what')} placeholder={t('audit.anything')} searchable clearable data={data} value={value} onChange={onChange} miw={220} />;
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const what = t(`actions.${event.action}`, { defaultValue: event.action });
  const state = (value: string) => t(`states.${value}`, { defaultValue: value.replace(/_/g, ' ') });
  return (
    <Paper withBorder p="sm" component="article" aria-label={what}>
      <Group justify="space-between" gap="xs" align="baseline">
        <Text fw={600}>{what}</Text>
        <Text size="sm" c="gray.7">
          <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
        </Text>
      </Group>
      <Text size="sm">
        {event.actorName ?? (event.actorId ? t('statuses.erased') : t('audit.system'))} · {t(`entities.${event.entityType}`, { defaultValue: event.entityType })}
      </Text>
      {event.to && (
        <Text size="sm">{event.from ? t('audit.move', { from: state(event.from), to: state(event.to) }) : t('audit.moveTo', { to: state(event.to) })}</Text>
      )}
      {event.reason && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {t('audit.reason', { reason: event.reason })}
        </Text>
      )}
    </Paper>
  );
}
