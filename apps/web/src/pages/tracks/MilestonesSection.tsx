import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { Saved, Section } from './Section';
import { trackKeys, type Milestone } from './tracks';

const FORM = 'milestone';

/** The track's milestones by due date: anyone on the track (everyone who sees it) adds, edits and marks them done. */
export function MilestonesSection({ trackId }: { trackId: string }) {
  const { t } = useTranslation('tracks');
  const milestones = useQuery({
    queryKey: trackKeys.milestones(trackId),
    queryFn: async () => unwrap(await api.GET('/api/tracks/{id}/milestones', { params: { path: { id: trackId }, query: { limit: 100 } } })).items,
  });
  return (
    <Section id="track-milestones" title={t('milestones.title')}>
      <QueryState query={milestones}>
        {(items) =>
          items.length === 0 ? (
            <Text mb="md">{t('milestones.empty')}</Text>
          ) : (
            <Stack gap="xs" mb="lg" component="ul" p={0} style={{ listStyle: 'none' }}>
              {items.map((milestone) => (
                <MilestoneItem key={milestone.id} trackId={trackId} milestone={milestone} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <MilestoneForm trackId={trackId} />
    </Section>
  );
}

function MilestoneItem({ trackId, milestone }: { trackId: string; milestone: Milestone }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const toggle = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/tracks/{id}/milestones/{milestoneId}', {
          params: { path: { id: trackId, milestoneId: milestone.id }, header: ifMatch(milestone.version) },
          body: { done: !milestone.done },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trackKeys.milestones(trackId) }),
  });
  if (editing) {
    return (
      <Paper component="li" bg="gray.0" p="sm">
        {/* Loaded anew (a 412's reload) the form starts again from the newer milestone. */}
        <MilestoneEditor
          key={milestone.version}
          trackId={trackId}
          milestone={milestone}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      </Paper>
    );
  }
  return (
    <Paper component="li" bg="gray.0" p="sm">
      <Saved shown={saved}>{t('milestones.saved')}</Saved>
      <Group justify="space-between" gap="xs">
        <div>
          <Text fw={600}>{milestone.title}</Text>
          <Text size="sm" c="gray.7">
            {milestone.done ? t('milestones.done', { when: format.date(milestone.doneAt ?? milestone.dueOn) }) : t('milestones.due', { when: format.date(milestone.dueOn) })}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              toggle.reset();
              setSaved(false);
              setEditing(true);
            }}
            aria-label={`${t('milestones.edit')}: ${milestone.title}`}
          >
            {t('milestones.edit')}
          </Button>
          <Button variant="default" size="sm" onClick={() => toggle.mutate()} loading={toggle.isPending} aria-label={`${milestone.done ? t('milestones.markUndone') : t('milestones.markDone')}: ${milestone.title}`}>
            {milestone.done ? t('milestones.markUndone') : t('milestones.markDone')}
          </Button>
        </Group>
      </Group>
      <Problem error={toggle.error} areas={['tracks']} />
    </Paper>
  );
}

/** Renames and reschedules one milestone; a change someone made meanwhile (412) is offered to be loaded first. */
function MilestoneEditor({ trackId, milestone, onDone, onCancel }: { trackId: string; milestone: Milestone; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(milestone.title);
  const [dueOn, setDueOn] = useState(milestone.dueOn);
  const form = `milestone-${milestone.id}`;
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/tracks/{id}/milestones/{milestoneId}', {
          params: { path: { id: trackId, milestoneId: milestone.id }, header: ifMatch(milestone.version) },
          body: { title, dueOn },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trackKeys.milestones(trackId) });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const labels = { title: t('milestones.name'), dueOn: t('milestones.dueOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('milestones.editing', { title: milestone.title })}>
      <Problem error={save.error} areas={['tracks']} labels={labels} form={form} onReload={() => void queryClient.invalidateQueries({ queryKey: trackKeys.milestones(trackId) })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput id={fieldId('title', form)} label={labels.title} required maxLength={500} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
        <TextInput id={fieldId('dueOn', form)} label={labels.dueOn} type="date" required value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} error={errors.dueOn} />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('milestones.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('cancel', { ns: 'common' })}
        </Button>
      </Group>
    </form>
  );
}

function MilestoneForm({ trackId }: { trackId: string }) {
  const { t } = useTranslation('tracks');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tracks/{id}/milestones', { params: { path: { id: trackId } }, body: { title, dueOn } })),
    onSuccess: () => {
      setTitle('');
      setDueOn('');
      void queryClient.invalidateQueries({ queryKey: trackKeys.milestones(trackId) });
    },
  });
  const errors = fieldErrors(add.error);
  const labels = { title: t('milestones.name'), dueOn: t('milestones.dueOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Saved shown={add.isSuccess}>{t('milestones.added')}</Saved>
      <Problem error={add.error} areas={['tracks']} labels={labels} form={FORM} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput id={fieldId('title', FORM)} label={labels.title} required maxLength={500} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} />
        <TextInput id={fieldId('dueOn', FORM)} label={labels.dueOn} type="date" required value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} error={errors.dueOn} />
      </SimpleGrid>
      <Button type="submit" mt="sm" loading={add.isPending}>
        {t('milestones.add')}
      </Button>
    </form>
  );
}
