import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { MeetingFacts } from './MeetingFacts';
import { NeedCard, sortedNeeds } from './NeedCard';
import { NeedForm } from './NeedForm';
import { keys, useParticipation, type Participation } from './queries';

/** What a sign-up's personal link opens, without an account: the meeting, its needs, my votes, cancelling. */
export function ParticipationPage() {
  const { token } = useParams({ from: '/dialogue/participation/$token' });
  const { t } = useTranslation('dialogue');
  const participation = useParticipation(token);
  if (participation.error instanceof ApiError && participation.error.status === 404) {
    return (
      <>
        <PageTitle>{t('signup.title')}</PageTitle>
        <Alert color="red" role="alert">
          {t('participation.unknown')}
        </Alert>
      </>
    );
  }
  return (
    <QueryState query={participation}>
      {(data) => <Participating token={token} data={data} />}
    </QueryState>
  );
}

function Participating({ token, data }: { token: string; data: Participation }) {
  const { t } = useTranslation('dialogue');
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.participation(token) });
  const { meeting } = data;
  const seated = data.status === 'confirmed';
  const taking = seated && meeting.needsOpen;
  const left = meeting.votesPerParticipant - data.votesUsed;
  const { standing } = sortedNeeds(data.needs);
  const status =
    data.status === 'cancelled'
      ? t('participation.statusCancelled')
      : meeting.hasBegun
        ? t(seated ? 'participation.statusHeldConfirmed' : 'participation.statusHeldWaitlisted')
        : seated
          ? t('participation.statusConfirmed')
          : t('participation.statusWaitlisted', { position: data.waitlistPosition });
  return (
    <Stack gap="lg" maw={860}>
      <PageTitle intro={`${t('participation.greeting', { name: data.name })} ${status}`}>{meeting.theme}</PageTitle>
      <Paper withBorder p="md">
        <MeetingFacts meeting={meeting} />
      </Paper>
      <section aria-labelledby="needs-title">
        <Title order={2} size="h3" id="needs-title">
          {t('meeting.needsTitle')}
        </Title>
        <Text mb="sm">{taking ? `${t('participation.needsIntro')} ${t('participation.votesLeft', { left, allowance: meeting.votesPerParticipant })}` : meeting.needsOpen ? '' : t('meeting.needsClosed')}</Text>
        {standing.length === 0 ? (
          <Text>{t('meeting.needsEmpty')}</Text>
        ) : (
          <Stack gap="sm">
            {standing.map((need) => (
              <NeedCard key={need.id} need={need}>
                {taking && <VoteInput token={token} needId={need.id} title={need.title} mine={need.myVotes} max={need.myVotes + left} onVoted={refresh} />}
              </NeedCard>
            ))}
          </Stack>
        )}
      </section>
      {taking && <NeedForm send={async (body) => unwrap(await api.POST('/api/dialogue-participation/{token}/needs', { params: { path: { token } }, body }))} onAdded={refresh} />}
      {data.status !== 'cancelled' && !meeting.hasBegun && <Cancel token={token} onCancelled={refresh} />}
    </Stack>
  );
}

function VoteInput({ token, needId, title, mine, max, onVoted }: { token: string; needId: string; title: string; mine: number; max: number; onVoted: () => Promise<void> }) {
  const { t } = useTranslation('dialogue');
  const [votes, setVotes] = useState<number>(mine);
  const vote = useMutation({
    mutationFn: async (value: number) => unwrap(await api.PUT('/api/dialogue-participation/{token}/votes/{needId}', { params: { path: { token, needId } }, body: { votes: value } })),
    onSettled: onVoted,
  });
  const save = () => {
    if (votes !== mine) vote.mutate(votes);
  };
  return (
    <Stack gap={4}>
      <Problem error={vote.error} areas={['dialogue']} />
      <Group gap="xs" align="flex-end">
        <NumberInput
          label={t('participation.myVotes', { title })}
          value={votes}
          min={0}
          max={max}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          onChange={(value) => setVotes(typeof value === 'number' ? value : 0)}
          onBlur={save}
          onKeyDown={(event) => event.key === 'Enter' && save()}
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
    </Stack>
  );
}

function Cancel({ token, onCancelled }: { token: string; onCancelled: () => Promise<void> }) {
  const { t } = useTranslation('dialogue');
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/dialogue-participation/{token}', { params: { path: { token } } })),
    onSuccess: onCancelled,
  });
  return (
    <Paper withBorder p="md">
      <Problem error={cancel.error} areas={['dialogue']} />
      {asking ? (
        <Stack gap="sm">
          <Text>{t('participation.cancelQuestion')}</Text>
          <Group gap="sm">
            <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t('participation.cancelConfirm')}
            </Button>
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('participation.keep')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button variant="default" color="red" onClick={() => setAsking(true)}>
          {t('participation.cancel')}
        </Button>
      )}
    </Paper>
  );
}
