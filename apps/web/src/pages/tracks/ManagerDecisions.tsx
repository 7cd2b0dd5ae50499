import { Button, Checkbox, Divider, Group, Modal, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { Saved, Section } from './Section';
import { trackKeys, type Stage, type Track } from './tracks';

type Move = Schemas['AdvanceTrackDto'];
type Outcome = NonNullable<Move['outcome']>;
const OUTCOMES: readonly Outcome[] = ['adopted_by_department', 'continued_as_venture', 'procured', 'stopped_with_lessons', 'other'];

/** Keeps the page's track as the API answered it, and the lists that show its stage in step. */
function useTrackUpdate(track: Track) {
  const queryClient = useQueryClient();
  return {
    saved: (updated: Track) => {
      queryClient.setQueryData(trackKeys.track(track.id), updated);
      void queryClient.invalidateQueries({ queryKey: trackKeys.list });
    },
    reload: () => void queryClient.invalidateQueries({ queryKey: trackKeys.track(track.id) }),
  };
}

function useMove(track: Track) {
  const update = useTrackUpdate(track);
  const move = useMutation({
    mutationFn: async (body: Move) => unwrap(await api.POST('/api/tracks/{id}/advance', { params: { path: { id: track.id }, header: ifMatch(track.version) }, body })),
    onSuccess: update.saved,
  });
  return { move, reload: update.reload };
}

/** A manager of the track's cohort (or an admin) ticks its criteria, moves it on through its gates, or discontinues it. */
export function ManagerDecisions({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const next = track.allowedMoves.find((to) => to !== 'discontinued');
  const [moved, setMoved] = useState<Stage | null>(null);
  return (
    <Section id="track-manage" title={t('manage.title')} intro={t('manage.intro')}>
      <Saved shown={moved !== null}>{moved && t('manage.moved', { stage: t(`stages.${moved}`) })}</Saved>
      {track.graduationCriteria.length > 0 && <CriteriaForm track={track} />}
      {next && <AdvanceForm key={track.stage} track={track} to={next} onMoved={setMoved} />}
      <Divider my="lg" />
      <Discontinue track={track} onMoved={setMoved} />
    </Section>
  );
}

function CriteriaForm({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const update = useTrackUpdate(track);
  const [met, setMet] = useState(track.graduationCriteria.filter((criterion) => criterion.met).map((criterion) => criterion.key));
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/tracks/{id}/graduation-criteria', { params: { path: { id: track.id }, header: ifMatch(track.version) }, body: { met } })),
    onSuccess: update.saved,
  });
  return (
    <Stack gap="sm" mb="lg">
      <Problem error={save.error} areas={['tracks']} onReload={update.reload} />
      <Saved shown={save.isSuccess}>{t('manage.criteriaSaved')}</Saved>
      <Checkbox.Group label={t('criteria')} description={t('manage.criteriaHint')} value={met} onChange={setMet}>
        <Stack gap="xs" mt="xs">
          {track.graduationCriteria.map((criterion) => (
            <Checkbox key={criterion.key} value={criterion.key} label={criterion.label} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('manage.saveCriteria')}
      </Button>
    </Stack>
  );
}

function AdvanceForm({ track, to, onMoved }: { track: Track; to: Stage; onMoved: (stage: Stage) => void }) {
  const { t } = useTranslation('tracks');
  const { move, reload } = useMove(track);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [summary, setSummary] = useState('');
  const [graduatedOn, setGraduatedOn] = useState('');
  const graduating = to === 'graduated';
  const form = 'advance';
  const errors = fieldErrors(move.error);
  const stage = t(`stages.${to}`);
  const labels = { note: t('manage.note'), outcome: t('manage.outcome'), summary: t('manage.summary'), graduatedOn: t('manage.graduatedOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Move = { to, note, ...(graduating ? { outcome: outcome ?? undefined, summary, ...(graduatedOn ? { graduatedOn } : {}) } : {}) };
    move.mutate(body, { onSuccess: () => onMoved(to) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Title order={3} size="h4" mb="xs">
        {t('manage.next', { stage })}
      </Title>
      <Problem error={move.error} areas={['tracks']} labels={labels} form={form} onReload={reload} />
      <Stack gap="sm">
        {graduating && (
          <>
            <Select
              id={fieldId('outcome', form)}
              label={labels.outcome}
              required
              data={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
              value={outcome}
              onChange={(value) => setOutcome(value as Outcome | null)}
              error={errors.outcome}
            />
            <Textarea id={fieldId('summary', form)} label={labels.summary} required autosize minRows={3} maxLength={8000} value={summary} onChange={(event) => setSummary(event.currentTarget.value)} error={errors.summary} />
            <TextInput id={fieldId('graduatedOn', form)} label={labels.graduatedOn} description={t('manage.graduatedOnHint')} type="date" maw={240} value={graduatedOn} onChange={(event) => setGraduatedOn(event.currentTarget.value)} error={errors.graduatedOn} />
          </>
        )}
        <Textarea id={fieldId('note', form)} label={labels.note} description={t('manage.noteHint')} required autosize minRows={2} maxLength={4000} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} />
        <Button type="submit" loading={move.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('manage.advance', { stage })}
        </Button>
      </Stack>
    </form>
  );
}

function Discontinue({ track, onMoved }: { track: Track; onMoved: (stage: Stage) => void }) {
  const { t } = useTranslation('tracks');
  const { move, reload } = useMove(track);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = 'discontinue';
  const errors = fieldErrors(move.error);
  const labels = { reason: t('manage.reason'), note: t('manage.note') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The reason is the decision's note too: one text, kept in the history and on the track.
    move.mutate({ to: 'discontinued', reason, note: reason }, { onSuccess: () => onMoved('discontinued') });
  };
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('manage.discontinue')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('manage.discontinueTitle')} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }} centered>
        <form onSubmit={submit} noValidate>
          <Text mb="md">{t('manage.discontinueBody')}</Text>
          <Problem error={move.error} areas={['tracks']} labels={labels} form={form} onReload={reload} />
          <Textarea id={fieldId('reason', form)} label={labels.reason} required autosize minRows={3} maxLength={4000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.reason ?? errors.note} mb="md" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('cancel', { ns: 'common' })}
            </Button>
            <Button type="submit" color="red" loading={move.isPending}>
              {t('manage.discontinueConfirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
