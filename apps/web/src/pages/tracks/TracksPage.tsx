import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { DepartmentState } from '@web/pages/department/DepartmentState';
import { fetchTracks, trackKeys, type TrackItem } from './tracks';
import { StageBadge } from './TrackStage';

/** Whose tracks the list shows, in the words of the person reading it. */
function useAudience(): 'mine' | 'department' | 'all' {
  const user = useUser();
  const roles = user.roles.filter((role) => role !== 'reviewer');
  if (roles.length === 1 && roles[0] === 'entrepreneur') return 'mine';
  if (roles.length === 1 && roles[0] === 'department_member') return 'department';
  return 'all';
}

/** The tracks the API shows the caller: an entrepreneur's own, a department's, a manager's cohorts'. */
export function TracksPage() {
  const { t } = useTranslation('tracks');
  const audience = useAudience();
  const list = (departmentId?: string) => (
    <CursorList
      queryKey={[...trackKeys.list, departmentId ?? 'all']}
      fetchPage={(cursor) => fetchTracks(cursor, departmentId)}
      itemKey={(track) => track.id}
      renderItem={(track) => <TrackCard track={track} />}
      empty={t(`list.${audience}.empty`)}
    />
  );
  return (
    <>
      <PageTitle intro={t(`list.${audience}.intro`)}>{t(`list.${audience}.title`)}</PageTitle>
      {audience === 'department' ? <DepartmentState>{(department) => list(department.id)}</DepartmentState> : list()}
    </>
  );
}

function TrackCard({ track }: { track: TrackItem }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`track-${track.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} size="h3" id={`track-${track.id}`}>
          {track.challengeTitle}
        </Title>
        <StageBadge stage={track.stage} />
      </Group>
      <Text mt="xs">{t('people', { participant: track.participantName, department: track.departmentName })}</Text>
      <Text size="sm" c="gray.7">
        {t('list.since', { when: format.date(track.stageEnteredAt) })}
      </Text>
      <Button renderRoot={(props) => <Link {...props} to="/tracks/$trackId" params={{ trackId: track.id }} />} mt="md" aria-label={`${t('list.open')}: ${track.challengeTitle}`}>
        {t('list.open')}
      </Button>
    </Paper>
  );
}
