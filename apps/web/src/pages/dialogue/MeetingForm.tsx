import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { Problem, fieldId } from '@web/components/Problem';
import { useMyDepartments } from '@web/pages/department/queries';
import { ifMatch, keys, SECTORS, type Meeting, type Sector } from './queries';

/** `datetime-local` gives a time without a zone: it is the person's own, so the browser turns it into an instant. */
const instant = (local: string): string => (local ? new Date(local).toISOString() : '');

/** An instant as `datetime-local` shows it, in the person's own time zone. */
const local = (iso: string | null): string => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Arranging a new meeting (`meeting` null), or changing one: its details, seats and votes. */
export function MeetingForm({ meeting, onCancel, onSaved }: { meeting: Meeting | null; onCancel: () => void; onSaved?: () => void }) {
  const { t } = useTranslation('dialogue');
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const departments = useMyDepartments();
  const member = hasRole(user, 'department_member') && !hasRole(user, 'admin') && !hasRole(user, 'programme_manager');
  const [form, setForm] = useState({
    theme: meeting?.theme ?? '',
    description: meeting?.description ?? '',
    startsAt: local(meeting?.startsAt ?? null),
    endsAt: local(meeting?.endsAt ?? null),
    place: meeting?.place ?? '',
    link: meeting?.link ?? '',
    sectors: meeting?.sectors ?? [...SECTORS],
    facilitator: meeting?.facilitator ?? user.displayName,
    seats: (meeting?.seats ?? 20) as number | string,
    votesPerParticipant: (meeting?.votesPerParticipant ?? 5) as number | string,
    departmentId: meeting?.departmentId ?? null,
  });
  const save = useMutation({
    mutationFn: async () => {
      const body = {
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
      };
      if (!meeting) return unwrap(await api.POST('/api/dialogue-meetings', { body }));
      return unwrap(await api.PUT('/api/dialogue-meetings/{id}', { params: { path: { id: meeting.id }, header: ifMatch(meeting.version) }, body: { ...body, needsOpen: meeting.needsOpen } }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.meetings });
      if (meeting) {
        queryClient.setQueryData(keys.meeting(saved.id), saved);
        onSaved?.();
      } else {
        await navigate({ to: '/dialogue/meetings/$meetingId', params: { meetingId: saved.id } });
      }
    },
  });
  const reload = async () => {
    save.reset();
    if (meeting) await queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    onCancel();
  };
  const errors = fieldErrors(save.error);
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
    save.mutate();
  };
  const heading = meeting ? t('form.editTitle') : t('form.title');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="meeting-form-title">
      <Title order={2} size="h3" id="meeting-form-title" mb="md">
        {heading}
      </Title>
      <Problem error={save.error} areas={['dialogue']} labels={labels} onReload={() => void reload()} />
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
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {meeting ? t('form.update') : t('form.save')}
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
