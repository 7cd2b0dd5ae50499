import { Box, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { memo, useMemo, useState, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { CohortTabs } from '@web/pages/manager/CohortTabs';
import { useCohort } from '@web/pages/manager/queries';
import { BOARD_STAGES, useTrackBoard, type BoardTrack, type Stage } from './queries';
import classes from './TracksBoardPage.module.css';

type SortOrder = 'time' | 'name';
type Norms = Partial<Record<Stage, number>>;

const DAY = 86_400_000;
const daysSince = (when: string, now: number) => Math.max(0, Math.floor((now - Date.parse(when)) / DAY));

/** The cohort's tracks as a board: one column per stage, each card naming who, on what, for how long, and what is still ahead. */
export function TracksBoardPage() {
  const { t } = useTranslation('progress');
  const { cohortId } = useParams({ from: '/manage/cohorts/$cohortId/tracks' });
  const cohort = useCohort(cohortId);
  const cohortName = cohort.data?.name;
  const board = useTrackBoard(cohortId);
  const norms: Norms = cohort.data?.stageNormDays ?? {};
  const [order, setOrder] = useState<SortOrder>('time');
  return (
    <>
      <PageTitle intro={cohortName ? t('tracksBoard.intro', { cohort: cohortName }) : t('tracksBoard.introNoCohort')}>{t('tracksBoard.title')}</PageTitle>
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
  const format = useFormat();
  const navigate = useNavigate();
  const now = Date.now();
  const columns = useMemo(() => {
    const sorted = [...tracks].sort(order === 'name' ? (a, b) => swedishCollator.compare(a.participantName, b.participantName) : (a, b) => Date.parse(a.stageEnteredAt) - Date.parse(b.stageEnteredAt));
    return BOARD_STAGES.map((stage) => ({ stage, tracks: sorted.filter((track) => track.stage === stage) }));
  }, [tracks, order]);
  /** One handler for every card's link (a router Link per card costs more than the rest of the card): opens the track within the app. */
  const openTrack = (event: MouseEvent) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-track]');
    if (!link?.dataset.track || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ to: '/tracks/$trackId', params: { trackId: link.dataset.track } });
  };
  return (
    // Wider than the page on a desktop: the board scrolls sideways and so must be reachable by keyboard.
    <section className={classes.board} aria-label={t('tracksBoard.board')} tabIndex={0} onClick={openTrack}>
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
            // Focusable: on a desktop a long column scrolls, by keyboard too.
            <Stack component="ul" gap="xs" className={classes.cards} tabIndex={0} aria-labelledby={`column-${stage}`}>
              {inStage.map((track) => (
                <li key={track.id}>
                  <TrackCard track={track} days={daysSince(track.stageEnteredAt, now)} normDays={norms[stage]} normText={format.number(norms[stage] ?? 0)} t={t} />
                </li>
              ))}
            </Stack>
          )}
        </section>
      ))}
    </section>
  );
}

/**
 * Plain elements rather than Mantine's, and the words handed down rather than looked up per
 * card: a board draws hundreds of these. Memoised, so re-sorting moves cards without redrawing them.
 */
const TrackCard = memo(function TrackCard({
  track,
  days,
  normDays,
  normText,
  t,
}: {
  track: BoardTrack;
  days: number;
  /** The cohort's normal days in this stage, and the same in words. */
  normDays: number | undefined;
  normText: string;
  t: TFunction<'progress'>;
}) {
  const ended = track.stage === 'graduated' || track.stage === 'discontinued';
  const overNorm = !ended && normDays !== undefined && days > normDays;
  const criteria = track.openGates.filter((gate) => gate.startsWith('graduation_criterion:')).length;
  const gates = [
    ...track.openGates.filter((gate) => gate === 'test_plan' || gate === 'test_session').map((gate) => t(`tracksBoard.gates.${gate as 'test_plan' | 'test_session'}`)),
    ...(criteria ? [t('tracksBoard.gates.criteria', { count: criteria })] : []),
  ];
  return (
    <div className={overNorm ? `${classes.card} ${classes.overNorm}` : classes.card}>
      <a href={`/tracks/${track.id}`} data-track={track.id} className={classes.name} aria-label={t('tracksBoard.open', { name: track.participantName })}>
        {track.participantName}
      </a>
      <p className={classes.challenge}>{track.challengeTitle}</p>
      <p className={classes.meta}>
        {t('tracksBoard.days', { count: days })}
        {overNorm && <span className={classes.flag}>{t('tracksBoard.overNorm', { days: normText })}</span>}
      </p>
      {!ended && <p className={classes.meta}>{gates.length ? `${t('tracksBoard.gatesOpen')}: ${gates.join(', ')}` : t('tracksBoard.gatesNone')}</p>}
    </div>
  );
});
