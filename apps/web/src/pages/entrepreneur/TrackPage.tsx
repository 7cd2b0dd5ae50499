import { Alert, Anchor, Button, Group, List, Paper, Select, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { journeyKeys, openGates, useChallenge, useTrack, type Learning, type Track } from './journey';
import { StageBadge, StageStepper } from './TrackStage';

const route = getRouteApi('/tracks/$trackId');
const KINDS = ['insight', 'obstacle', 'enabler', 'method'] as const;

export function TrackPage() {
  const { trackId } = route.useParams();
  const track = useTrack(trackId);
  return <QueryState query={track}>{(loaded) => <TrackView track={loaded} />}</QueryState>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function TrackView({ track }: { track: Track }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  const challenge = useChallenge(track.challengeId);
  const sessions = useQuery({
    queryKey: journeyKeys.sessions(track.id),
    queryFn: async () => unwrap(await api.GET('/api/tracks/{id}/test-sessions', { params: { path: { id: track.id }, query: { limit: 50 } } })),
  });
  const milestones = useQuery({
    queryKey: journeyKeys.milestones(track.id),
    queryFn: async () => unwrap(await api.GET('/api/tracks/{id}/milestones', { params: { path: { id: track.id }, query: { limit: 50 } } })),
  });
  const gates = sessions.data ? openGates(track, sessions.data.items.length) : [];
  return (
    <>
      <Anchor component={Link} to="/tracks" mb="sm" display="inline-block">
        ← {t('tracks.back')}
      </Anchor>
      <PageTitle>{challenge.data?.title ?? t('tracks.title')}</PageTitle>
      <Stack gap="lg">
        <Section id="track-stage" title={t('tracks.stage')}>
          <Group gap="sm" mb="md">
            <StageBadge stage={track.stage} />
            <Text>{t('tracks.since', { when: format.date(track.stageEnteredAt) })}</Text>
          </Group>
          {track.stage === 'discontinued' && track.discontinuedReason && (
            <Text mb="md">
              <strong>{t('tracks.discontinuedReason')}:</strong> {track.discontinuedReason}
            </Text>
          )}
          <StageStepper track={track} />
        </Section>

        {track.graduation && (
          <Section id="track-graduation" title={t('tracks.graduation')}>
            <Text>{t('tracks.graduatedOn', { when: format.date(track.graduation.graduatedOn) })}</Text>
            <Text>
              <strong>{t('tracks.outcome')}:</strong> {t(`tracks.outcomes.${track.graduation.outcome}`)}
            </Text>
            <Text mt="xs">{track.graduation.summary}</Text>
          </Section>
        )}

        {track.stage !== 'graduated' && track.stage !== 'discontinued' && (
          <Section id="track-gates" title={t('tracks.gates')}>
            {sessions.isPending ? (
              <Text role="status">{t('loading', { ns: 'common' })}</Text>
            ) : gates.length === 0 ? (
              <Text>{t('tracks.gatesNone')}</Text>
            ) : (
              <List>
                {gates.map((gate) => (
                  <List.Item key={gate}>{t(`tracks.gate.${gate}`)}</List.Item>
                ))}
              </List>
            )}
            {track.graduationCriteria.length > 0 && (
              <>
                <Text fw={600} mt="md">
                  {t('tracks.criteria')}
                </Text>
                <List>
                  {track.graduationCriteria.map((criterion) => (
                    <List.Item key={criterion.key}>
                      {criterion.label}: {criterion.met ? t('tracks.met') : t('tracks.notMet')}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Section>
        )}

        {track.testPlan && (
          <Section id="track-plan" title={t('tracks.testPlan')}>
            <Text>{t('tracks.planPeriod', { from: format.date(track.testPlan.startsOn), to: track.testPlan.endsOn ? format.date(track.testPlan.endsOn) : '…' })}</Text>
            <Text>{t('tracks.planUsers', { count: track.testPlan.users })}</Text>
            <Text mt="xs">{track.testPlan.whatWillBeTried}</Text>
          </Section>
        )}

        <Section id="track-milestones" title={t('tracks.milestones')}>
          <QueryState query={milestones}>
            {(page) =>
              page.items.length === 0 ? (
                <Text>{t('tracks.milestonesEmpty')}</Text>
              ) : (
                <List>
                  {page.items.map((milestone) => (
                    <List.Item key={milestone.id}>
                      {milestone.title} – {milestone.done ? t('tracks.milestoneDone', { when: format.date(milestone.doneAt ?? milestone.dueOn) }) : t('tracks.milestoneDue', { when: format.date(milestone.dueOn) })}
                    </List.Item>
                  ))}
                </List>
              )
            }
          </QueryState>
        </Section>

        <Section id="track-sessions" title={t('tracks.sessions')}>
          <QueryState query={sessions}>
            {(page) =>
              page.items.length === 0 ? (
                <Text>{t('tracks.sessionsEmpty')}</Text>
              ) : (
                <Stack gap="sm">
                  {page.items.map((session) => (
                    <div key={session.id}>
                      <Text fw={600}>{t('tracks.sessionHeld', { when: format.date(session.heldOn), count: session.usersInvolved })}</Text>
                      <Text>
                        {t('tracks.tried')}: {session.whatWasTried}
                      </Text>
                      <Text>
                        {t('tracks.observed')}: {session.whatWasObserved}
                      </Text>
                    </div>
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Section>

        <Section id="track-learnings" title={t('tracks.learnings')}>
          <LearningForm trackId={track.id} />
          <CursorList
            queryKey={journeyKeys.learnings(track.id)}
            fetchPage={async (cursor) => unwrap(await api.GET('/api/tracks/{id}/learnings', { params: { path: { id: track.id }, query: { cursor, limit: 20 } } }))}
            itemKey={(learning) => learning.id}
            renderItem={(learning) => <LearningItem learning={learning} />}
            empty={t('tracks.learningsEmpty')}
          />
        </Section>
      </Stack>
    </>
  );
}

function LearningItem({ learning }: { learning: Learning }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  return (
    <Paper bg="gray.0" p="sm">
      <Text size="sm" c="gray.7">
        {t(`tracks.kinds.${learning.kind}`)} · {format.date(learning.createdAt)}
        {learning.tags.length > 0 && ` · ${learning.tags.join(', ')}`}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{learning.text}</Text>
    </Paper>
  );
}

function LearningForm({ trackId }: { trackId: string }) {
  const { t } = useTranslation('entrepreneur');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('insight');
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/tracks/{id}/learnings', { params: { path: { id: trackId } }, body: { kind, text, tags } })),
    onSuccess: () => {
      setText('');
      setTags([]);
      void queryClient.invalidateQueries({ queryKey: journeyKeys.learnings(trackId) });
    },
  });
  const errors = fieldErrors(add.error);
  const labels = { kind: t('tracks.kind'), text: t('tracks.learningText'), tags: t('tracks.tags') };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">
        {add.isSuccess && (
          <Alert color="green" role="status" mb="md">
            {t('tracks.learningAdded')}
          </Alert>
        )}
      </div>
      <Problem error={add.error} areas={['entrepreneur']} labels={labels} />
      <Stack gap="sm" mb="lg">
        <Select
          id={fieldId('kind')}
          label={labels.kind}
          data={KINDS.map((value) => ({ value, label: t(`tracks.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as (typeof KINDS)[number])}
          allowDeselect={false}
          error={errors.kind}
        />
        <Textarea id={fieldId('text')} label={labels.text} required autosize minRows={3} maxLength={8000} value={text} onChange={(event) => setText(event.currentTarget.value)} error={errors.text} />
        <TagsInput id={fieldId('tags')} label={labels.tags} description={t('tracks.tagsHint')} value={tags} onChange={setTags} error={errors.tags} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('tracks.addLearning')}
        </Button>
      </Stack>
    </form>
  );
}
