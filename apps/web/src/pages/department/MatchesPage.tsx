import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { useMunicipalities } from '@web/api/reference';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { DepartmentState } from './DepartmentState';
import { keys, type Match } from './queries';

/** The matching's proposals for the department's challenges, each with who is proposed, to accept or decline. */
export function MatchesPage() {
  const { t } = useTranslation('department');
  return (
    <>
      <PageTitle intro={t('matches.intro')}>{t('matches.title')}</PageTitle>
      <DepartmentState>
        {(department) => (
          <CursorList
            queryKey={[...keys.matches, department.id]}
            fetchPage={async (cursor) => unwrap(await api.GET('/api/matches', { params: { query: { departmentId: department.id, cursor, limit: 20 } } }))}
            itemKey={(match) => match.id}
            empty={t('matches.empty')}
            renderItem={(match) => <Proposal match={match} />}
          />
        )}
      </DepartmentState>
    </>
  );
}

function Proposal({ match }: { match: Match }) {
  const { t } = useTranslation('department');
  const format = useFormat();
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: async (response: 'accept' | 'decline') => unwrap(await api.POST('/api/matches/{id}/respond', { params: { path: { id: match.id } }, body: { response } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.matches });
      void queryClient.invalidateQueries({ queryKey: ['tracks'] });
    },
  });
  const headingId = `proposal-${match.id}`;
  const who = match.participantName;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {who}
          </Title>
          <Text size="sm" c="gray.7">
            {t('matches.challenge', { title: match.challengeTitle })}
          </Text>
        </div>
        <Badge variant="light" tt="none" size="lg" radius="sm" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {t(`matches.states.${match.state}`)}
        </Badge>
      </Group>
      <Profile match={match} />
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
            <Button onClick={() => respond.mutate('accept')} loading={respond.isPending && respond.variables === 'accept'} aria-label={`${t('matches.accept')}: ${who}`}>
              {t('matches.accept')}
            </Button>
            <Button variant="default" onClick={() => respond.mutate('decline')} loading={respond.isPending && respond.variables === 'decline'} aria-label={`${t('matches.decline')}: ${who}`}>
              {t('matches.decline')}
            </Button>
          </Group>
        )
      )}
      {match.state === 'confirmed' && (
        <Button renderRoot={(props) => <Link {...props} to="/tracks" />} variant="default" mt="sm">
          {t('matches.toTracks')}
        </Button>
      )}
    </Paper>
  );
}

/** What the department is shown of the proposed innovator. */
function Profile({ match }: { match: Match }) {
  const { t } = useTranslation('department');
  const municipalities = useMunicipalities();
  const profile = match.participant;
  if (!profile) return <Text mt="xs">{t('matches.noProfile')}</Text>;
  const municipality = profile.municipalityCode && municipalities.data?.find((candidate) => candidate.code === profile.municipalityCode)?.name;
  return (
    <Stack gap={2} mt="xs">
      <Text>{[t(`matches.kinds.${profile.kind}`), profile.organisation].filter(Boolean).join(', ')}</Text>
      {profile.competences.length > 0 && <Text>{t('matches.competences', { list: profile.competences.join(', ') })}</Text>}
      {(municipality || profile.hoursPerWeek !== null) && (
        <Text>{[municipality && t('matches.municipality', { name: municipality }), profile.hoursPerWeek !== null && t('matches.hours', { count: profile.hoursPerWeek })].filter(Boolean).join(' · ')}</Text>
      )}
    </Stack>
  );
}
