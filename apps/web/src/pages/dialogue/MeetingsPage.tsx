import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { useMyDepartments } from '@web/pages/department/queries';
import { NeedsFunnel } from './NeedsFunnel';
import { keys, SECTORS, type Meeting, type Sector } from './queries';

/** The installation's dialogue meetings, and arranging a new one. */
export function MeetingsPage() {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  const user = useUser();
  const [arranging, setArranging] = useState(false);
  return (
    <Stack gap="lg">
      <PageTitle intro={t('list.intro')}>{t('list.title')}</PageTitle>
      {arranging ? (
        <ArrangeForm onCancel={() => setArranging(false)} />
      ) : (
        <Button onClick={() => setArranging(true)} style={{ alignSelf: 'flex-start' }}>
          {t('list.arrange')}
        </Button>
      )}
      <CursorList<Meeting>
        queryKey={keys.meetings}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/dialogue-meetings', { params: { query: { cursor, limit: 20 } } }))}
        itemKey={(meeting) => meeting.id}
        empty={t('list.empty')}
        renderItem={(meeting) => (
          <Paper withBorder p="md">
            <Title order={2} size="h4">
              <Anchor inherit renderRoot={(props) => <Link {...props} to="/dialogue/meetings/$meetingId" params={{ meetingId: meeting.id }} />}>
                {meeting.theme}
              </Anchor>
            </Title>
            <Text size="sm" c="gray.7">
              {[format.dateTime(meeting.startsAt), meeting.place ?? meeting.link].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm">
              {t('seats', { confirmed: meeting.seatCounts.confirmed, seats: meeting.seats })}
              {meeting.seatCounts.waitlisted > 0 && ` · ${t('waiting', { count: meeting.seatCounts.waitlisted })}`}
            </Text>
          </Paper>
        )}
      />
      {(hasRole(user, 'programme_manager') || hasRole(user, 'admin')) && <NeedsFunnel />}
    </Stack>
  );
}

/** `datetime-local` gives a time without a zone: it is the person's own, so the browser turns it into an instant. */
const instant = (local: string): string => (local ? new Date(local).toISOString() : '');

function ArrangeForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('dialogue');
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const departments = useMyDepartments();
  const member = hasRole(user, 'department_member') && !hasRole(user, 'admin') && !hasRole(user, 'programme_manager');
  const [form, setForm] = useState({
    theme: '',
    description: '',
    startsAt: '',
    endsAt: '',
    place: '',
    link: '',
    sectors: [...SECTORS],
    facilitator: user.displayName,
    seats: 20 as number | string,
    votesPerParticipant: 5 as number | string,
    departmentId: null as string | null,
  });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/dialogue-meetings', {
          body: {
            theme: form.theme,
            description: form.description || undefined,
            startsAt: instant(form.startsAt),
            endsAt: form.endsAt ? instant(form.endsAt) : undefined,
            place: form.place || undefined,
            link: form.link || undefined,
            sectors: form.sectors,
            facilitator: form.facilitator,
            seats: Number(form.seats),
            votesPerParticipant: Number(form.votesPerParticipant),
            departmentId: form.departmentId ?? (member ? departments.data?.[0]?.id : undefined),
          },
        })
      ),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: keys.meetings });
      await navigate({ to: '/dialogue/meetings/$meetingId', params: { meetingId: meeting.id } });
    },
  });
  const errors = fieldErrors(create.error);
  const labels = {
    theme: t('form.theme'),
    description: t('form.description'),
    startsAt: t('form.startsAt'),
    endsAt: t('form.endsAt'),
    place: t('form.place'),
    link: t('form.link'),
    sectors: t('form.sectors'),
    facilitator: t('form.facilitator'),
    seats: t('form.seats'),
    votesPerParticipant: t('form.votesPerParticipant'),
    departmentId: t('form.department'),
  };
  const text = (name: 'theme' | 'description' | 'startsAt' | 'endsAt' | 'place' | 'link' | 'facilitator') => ({
    id: fieldId(name),
    label: labels[name],
    value: form[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="arrange-title">
      <Title order={2} size="h3" id="arrange-title" mb="md">
        {t('form.title')}
      </Title>
      <Problem error={create.error} areas={['dialogue']} labels={labels} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput required maxLength={200} {...text('theme')} />
          <Textarea autosize minRows={2} maxLength={5000} {...text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" required {...text('startsAt')} />
            <TextInput type="datetime-local" {...text('endsAt')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput description={t('form.placeHint')} maxLength={300} {...text('place')} />
            <TextInput type="url" description={t('form.linkHint')} maxLength={2000} {...text('link')} />
          </SimpleGrid>
          <Checkbox.Group id={fieldId('sectors')} label={labels.sectors} required value={form.sectors} onChange={(value) => setForm({ ...form, sectors: value as Sector[] })} error={errors.sectors}>
            <Group gap="md" mt={4}>
              {SECTORS.map((sector) => (
                <Checkbox key={sector} value={sector} label={t(`sectors.${sector}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput required maxLength={200} {...text('facilitator')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput id={fieldId('seats')} label={labels.seats} required min={1} max={1000} allowDecimal={false} value={form.seats} onChange={(value) => setForm({ ...form, seats: value })} error={errors.seats} />
            <NumberInput id={fieldId('votesPerParticipant')} label={labels.votesPerParticipant} min={1} max={20} allowDecimal={false} value={form.votesPerParticipant} onChange={(value) => setForm({ ...form, votesPerParticipant: value })} error={errors.votesPerParticipant} />
          </SimpleGrid>
          {(departments.data?.length ?? 0) > 1 && (
            <Select
              id={fieldId('departmentId')}
              label={labels.departmentId}
              data={(departments.data ?? []).map((department) => ({ value: department.id, label: department.name }))}
              value={form.departmentId}
              onChange={(value) => setForm({ ...form, departmentId: value })}
              placeholder={t('form.noDepartment')}
              clearable={!member}
              error={errors.departmentId}
            />
          )}
          {create.isSuccess && (
            <Alert color="green" role="status">
              {t('form.created')}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('form.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
