import { Alert, Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { keys, type Match } from './queries';

/** The matching's proposals for the department's challenges, each to accept or decline. */
export function MatchesPage() {
  const { t } = useTranslation('department');
  return (
    <>
      <PageTitle intro={t('matches.intro')}>{t('matches.title')}</PageTitle>
      <CursorList
        queryKey={keys.matches}
        fetchPage={async (cursor) =>
          unwrap(
            await api.GET('/api/matches', {
              params: { query: { cursor, limit: 20 } },
            })
          )
        }
        itemKey={(match) => match.id}
        empty={t('matches.empty')}
        renderItem={(match) => <Proposal match={match} />}
      />
    </>
  );
}

function Proposal({ match }: { match: Match }) {
  const { t } = useTranslation('department');
  const format = useFormat();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: async (response: 'accept' | 'decline') =>
      unwrap(
        await api.POST('/api/matches/{id}/respond', {
          params: { path: { id: match.id } },
          body: { response },
        })
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.matches }),
  });
  const title = match.challengeTitle;
  return (
    <Paper withBorder p="md" component="article" aria-label={t('matches.challenge', { title })}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h4">
          {t('matches.challenge', { title })}
        </Title>
        <Badge variant="light" tt="none" size="lg" radius="sm" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {t(`matches.states.${match.state}`)}
        </Badge>
      </Group>
      <Text mt="xs">{t('matches.participant')}</Text>
      <Text fw={600} mt="sm">
        {t('matches.reason')}
      </Text>
      <Text>{match.reason}</Text>
      {match.respondBy && match.state === 'proposed' && (
        <Text size="sm" c="gray.7" mt="xs">
          {t('matches.respondBy', { when: format.dateTime(match.respondBy) })}
        </Text>
      )}
      <Problem error={respond.error} areas={['department']} />
      {match.departmentResponse ? (
        <Alert color="gray" mt="sm">
          {t(`matches.answered.${match.departmentResponse}`)}
        </Alert>
      ) : (
        match.state === 'proposed' && (
          <Group gap="sm" mt="md">
            <Button onClick={() => respond.mutate('accept')} loading={respond.isPending && respond.variables === 'accept'}>
              {t('matches.accept')}
            </Button>
            <Button variant="default" onClick={() => respond.mutate('decline')} loading={respond.isPending && respond.variables === 'decline'}>
              {t('matches.decline')}
            </Button>
          </Group>
        )
      )}
    </Paper>
  );
}
