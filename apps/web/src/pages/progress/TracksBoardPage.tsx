import { Anchor, Badge, Box, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { CohortTabs } from '@web/pages/manager/CohortTabs';
import { BOARD_STAGES, useCohortName, useTrackBoard, type BoardTrack, type Stage } from './queries';
import { useStageNorms } from './reports';
import classes from './TracksBoardPage.module.css';

type SortOrder = 'time' | 'name';
type Norms = Partial<Record<Stage, number>>;

const DAY = 86_400_000;
const daysSince = (when: string, now: number) => Math.max(0, Math.floor((now - Date.parse(when)) / DAY));

/** The cohort's tracks as a board: one column per stage, each card naming who, on what, for how long, and what is still ahead. */
export function TracksBoardPage() {
  const { t } = useTranslation('progress');
  const { cohortId } = useParams({ from: '/manage/cohorts/$cohortId/tracks' });
  const cohortName = useCohortName(cohortId);
  const board = useTrackBoard(cohortId);
  const norms = useStageNorms(cohortId);
  const [order, setOrder] = useState<SortOrder>('time');
  return (
    <>
      <PageTitle intro={cohortName.data ? t('tracksBoard.intro', { cohort: cohortName.data }) : t('tracksBoard.introNoCohort')}>{t('tracksBoard.title')}</PageTitle>
      <CohortTabs cohortId={cohortId} />
      <QueryState query={board}>
        {({ tracks }) =>
          tracks.length === 0 ? (
            <Text>{t('tracksBoard.empty')}</Text>
          ) : (
            <Stack gap="md">
              <Box>
                <Text component="span" id="board-sort" fw={600} size="sm" display="block" mb={4}>
                  {t('tracksBoard.sort')}
                </Text>
                <SegmentedControl
                  aria-labelledby="board-sort"
                  value={order}
                  onChange={(value) => setOrder(value as SortOrder)}
                  data={[
                    { value: 'time', label: t('tracksBoard.sortTime') },
                    { value: 'name', label: t('tracksBoard.sortName') },
                  ]}
                />
              </Box>
              <Board tracks={tracks} order={order} norms={norms} />
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function Board({ tracks, order, norms }: { tracks: BoardTrack[]; order: SortOrder; norms: Norms }) {
  const { t } = useTranslation('progress');
  const now = Date.now();
  const columns = useMemo(() => {
    const sorted = [...tracks].sort(order === 'name' ? (a, b) => swedishCollator.compare(a.participantName, b.participantName) : (a, b) => Date.parse(a.stageEnteredAt) - Date.parse(b.stageEnteredAt));
    return BOARD_STAGES.map((stage) => ({ stage, tracks: sorted.filter((track) => track.stage === stage) }));
  }, [tracks, order]);
  return (
    // Wider than the page on a desktop: the board scrolls sideways and so must be reachable by keyboard.
    <section className={classes.board} aria-label={t('tracksBoard.board')} tabIndex={0}>
      {columns.map(({ stage, tracks: inStage }) => (
        <section key={stage} className={classes.column} aria-labelledby={`column-${stage}`}>
          <Title order={2} size="h4" id={`column-${stage}`} mb="sm">
            {t('tracksBoard.column', { stage: t(`stages.${stage}`), count: inStage.length })}
          </Title>
          {inStage.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('tracksBoard.columnEmpty')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" className={classes.cards}>
              {inStage.map((track) => (
                <li key={track.id}>
                  <TrackCard track={track} days={daysSince(track.stageEnteredAt, now)} norm={norms[stage]} />
                </li>
              ))}
            </Stack>
          )}
        </section>
      ))}
    </section>
  );
}

/** Memoised: re-sorting 300 cards moves them, it need not redraw them. */
const TrackCard = memo(function TrackCard({ track, days, norm }: { track: BoardTrack; days: number; norm: number | undefined }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  const ended = track.stage === 'graduated' || track.stage === 'discontinued';
  const overNorm = !ended && norm !== undefined && days > norm;
  const criteria = track.openGates.filter((gate) => gate.startsWith('graduation_criterion:')).length;
  const gates = [
    ...track.openGates.filter((gate) => gate === 'test_plan' || gate === 'test_session').map((gate) => t(`tracksBoard.gates.${gate as 'test_plan' | 'test_session'}`)),
    ...(criteria ? [t('tracksBoard.gates.criteria', { count: criteria })] : []),
  ];
  return (
    <Paper withBorder p="sm" className={overNorm ? classes.overNorm : undefined}>
      <Anchor renderRoot={(props) => <Link {...props} to="/tracks/$trackId" params={{ trackId: track.id }} />} fw={600} aria-label={t('tracksBoard.open', { name: track.participantName })}>
        {track.participantName}
      </Anchor>
      <Text size="sm" mt={2}>
        {track.challengeTitle}
      </Text>
      <Group gap={6} mt={6}>
        <Text size="sm" c="gray.8">
          {t('tracksBoard.days', { count: days })}
        </Text>
        {overNorm && (
          <Badge color="orange" variant="light" radius="sm" tt="none" classNames={{ root: classes.badge, label: classes.badgeLabel }}>
            {t('tracksBoard.overNorm', { median: format.number(norm) })}
          </Badge>
        )}
      </Group>
      {!ended && (
        <Text size="sm" c="gray.8" mt={4}>
          {gates.length ? `${t('tracksBoard.gatesOpen')}: ${gates.join(', ')}` : t('tracksBoard.gatesNone')}
        </Text>
      )}
    </Paper>
  );
});
