import { Alert, Badge, Button, Group, Modal, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { journeyKeys, useLanguageHeader, type Match } from './journey';

/** "Mina matchningar": what the matching proposed, why, and my answer to it. */
export function MatchesPage() {
  const { t } = useTranslation('entrepreneur');
  const { language, headers } = useLanguageHeader();
  return (
    <>
      <PageTitle intro={t('matches.intro')}>{t('matches.title')}</PageTitle>
      {/* A person has few matches: one page of the API's largest size shows them all at once. */}
      <CursorList
        queryKey={journeyKeys.matches(language)}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/matches', { params: { query: { cursor, limit: 100 } }, headers }))}
        itemKey={(match) => match.id}
        renderItem={(match) => <MatchCard match={match} />}
        empty={t('matches.empty')}
      />
    </>
  );
}

function MatchCard({ match }: { match: Match }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  const [answer, setAnswer] = useState<'accept' | 'decline' | null>(null);
  const title = match.challengeTitle;
  const headingId = `match-${match.id}`;
  const mine = match.participantResponse;
  const waiting = match.state === 'proposed' && !mine;
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Badge color={match.state === 'confirmed' ? 'green' : match.state === 'proposed' ? 'civic' : 'gray'} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {t(`matches.states.${match.state}`)}
        </Badge>
      </Group>
      <Stack gap={4} mt="xs">
        <Text>{t('matches.department', { department: match.departmentName })}</Text>
        <Text>{t('matches.score', { score: format.number(Math.round(match.score * 100) / 100) })}</Text>
        <Text fw={600} mt="xs">
          {t('matches.reasons')}
        </Text>
        <Text>{match.reason}</Text>
        {match.respondBy && match.state === 'proposed' && <Text mt="xs">{t('matches.respondBy', { when: format.dateTime(match.respondBy) })}</Text>}
        <Text size="sm" c="gray.7" mt="xs">
          {t('matches.yourAnswer')}: {mine ? t(`matches.answers.${mine}`) : t('matches.noAnswer')} · {t('matches.departmentAnswer')}:{' '}
          {match.departmentResponse ? t(`matches.answers.${match.departmentResponse}`) : t('matches.noAnswer')}
        </Text>
        {match.state === 'confirmed' && (
          <Button renderRoot={(props) => <Link {...props} to="/tracks" />} variant="default" mt="sm" style={{ alignSelf: 'flex-start' }}>
            {t('matches.toTrack')}
          </Button>
        )}
      </Stack>
      {waiting && (
        <Group gap="sm" mt="md">
          <Button onClick={() => setAnswer('accept')} aria-label={`${t('matches.accept')}: ${title}`}>
            {t('matches.accept')}
          </Button>
          <Button variant="default" onClick={() => setAnswer('decline')} aria-label={`${t('matches.decline')}: ${title}`}>
            {t('matches.decline')}
          </Button>
        </Group>
      )}
      {answer && <RespondDialog match={match} title={title} initial={answer} onClose={() => setAnswer(null)} />}
    </Paper>
  );
}

function RespondDialog({ match, title, initial, onClose }: { match: Match; title: string; initial: 'accept' | 'decline'; onClose: () => void }) {
  const { t } = useTranslation('entrepreneur');
  const queryClient = useQueryClient();
  const { headers } = useLanguageHeader();
  const [response, setResponse] = useState(initial);
  const [note, setNote] = useState('');
  const respond = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/matches/{id}/respond', { params: { path: { id: match.id } }, headers, body: { response, ...(note.trim() ? { note: note.trim() } : {}) } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journeyKeys.allMatches }),
  });
  const errors = fieldErrors(respond.error);
  return (
    <Modal opened onClose={onClose} title={t('matches.respondTitle', { title })} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }} centered>
      {respond.isSuccess ? (
        <>
          <Alert color="green" role="status" mb="md">
            {t(`matches.responded.${response}`)}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('close', { ns: 'common' })}</Button>
          </Group>
        </>
      ) : (
        <>
          <Problem error={respond.error} areas={['entrepreneur']} />
          <Radio.Group label={t('matches.yourAnswer')} value={response} onChange={(value) => setResponse(value as 'accept' | 'decline')} mb="md">
            <Stack gap="xs" mt="xs">
              <Radio value="accept" label={t('matches.answers.accept')} />
              <Radio value="decline" label={t('matches.answers.decline')} />
            </Stack>
          </Radio.Group>
          <Text mb="md">{t(`matches.consequence.${response}`)}</Text>
          <Textarea label={t('matches.note')} description={t('matches.noteHint')} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={errors.note} mb="md" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel', { ns: 'common' })}
            </Button>
            <Button color={response === 'decline' ? 'red' : undefined} onClick={() => respond.mutate()} loading={respond.isPending}>
              {t(`matches.confirm.${response}`)}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
