import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useFormat } from '@web/i18n/format';
import { keys, useChallengeCount, type Challenge } from './queries';

/** The department's part of the home page: drafts to finish, changes requested, proposals to answer. */
export function DepartmentToday() {
  const { t } = useTranslation('department');
  const format = useFormat();
  const drafts = useChallengeCount('draft');
  const changes = useChallengeCount('changes_requested');
  const proposals = useQuery({
    queryKey: [...keys.matches, 'proposed'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/matches', {
          params: { query: { state: 'proposed', limit: 100 } },
        })
      ).items.filter((match) => match.departmentResponse === null),
  });
  const ready = drafts.isSuccess && changes.isSuccess && proposals.isSuccess;
  const nothing = ready && !drafts.data.length && !changes.data.length && !proposals.data.length;
  return (
    <Stack gap="md">
      {changes.data && changes.data.length > 0 && <ChallengeGroup title={t('today.changes')} challenges={changes.data} />}
      {drafts.data && drafts.data.length > 0 && <ChallengeGroup title={t('today.drafts')} challenges={drafts.data} />}
      {proposals.data && proposals.data.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3">
            {t('today.proposals')}
          </Title>
          <Text my="xs">
            {t('today.proposalsBody', {
              count: proposals.data.length,
              formatted: format.number(proposals.data.length),
            })}
          </Text>
          <Button component={Link} to="/proposals">
            {t('today.answer')}
          </Button>
        </Paper>
      )}
      {nothing && (
        <Paper withBorder p="lg">
          <Text mb="xs">{t('today.allDone')}</Text>
          <Button renderRoot={(props) => <Link {...props} to="/challenges/$challengeId" params={{ challengeId: 'new' }} />} variant="default">
            {t('today.newChallenge')}
          </Button>
        </Paper>
      )}
    </Stack>
  );
}

function ChallengeGroup({ title, challenges }: { title: string; challenges: Challenge[] }) {
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      <List spacing="xs">
        {challenges.map((challenge) => (
          <List.Item key={challenge.id}>
            <Anchor renderRoot={(props) => <Link {...props} to="/challenges/$challengeId" params={{ challengeId: challenge.id }} />}>{challenge.title}</Anchor>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
