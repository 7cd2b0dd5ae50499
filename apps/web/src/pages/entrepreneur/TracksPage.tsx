import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { fetchTracks, journeyKeys, useChallenge, type TrackItem } from './journey';
import { StageBadge } from './TrackStage';

/** "Mitt spår": the tracks my confirmed matches became. */
export function TracksPage() {
  const { t } = useTranslation('entrepreneur');
  return (
    <>
      <PageTitle intro={t('tracks.intro')}>{t('tracks.title')}</PageTitle>
      <CursorList queryKey={journeyKeys.tracks} fetchPage={fetchTracks} itemKey={(track) => track.id} renderItem={(track) => <TrackCard track={track} />} empty={t('tracks.empty')} />
    </>
  );
}

function TrackCard({ track }: { track: TrackItem }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  const challenge = useChallenge(track.challengeId);
  const title = challenge.data?.title ?? t('matches.challengeLoading');
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`track-${track.id}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} size="h3" id={`track-${track.id}`}>
          {title}
        </Title>
        <StageBadge stage={track.stage} />
      </Group>
      <Text mt="xs">{t('tracks.since', { when: format.date(track.stageEnteredAt) })}</Text>
      <Button renderRoot={(props) => <Link {...props} to="/tracks/$trackId" params={{ trackId: track.id }} />} mt="md" aria-label={`${t('tracks.open')}: ${title}`}>
        {t('tracks.open')}
      </Button>
    </Paper>
  );
}
