import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { FollowUpsSection } from './FollowUpsSection';
import { LearningsSection } from './LearningsSection';
import { ManagerDecisions } from './ManagerDecisions';
import { MilestonesSection } from './MilestonesSection';
import { Section } from './Section';
import { TestPlanSection } from './TestPlanSection';
import { TestSessionsSection } from './TestSessionsSection';
import { StageBadge, StageStepper } from './TrackStage';
import { isEnded, useTrack, type Track } from './tracks';

const route = getRouteApi('/tracks/$trackId');

/** One track for everyone on it: each sees the actions the API allows them. */
export function TrackPage() {
  const { trackId } = route.useParams();
  const track = useTrack(trackId);
  return <QueryState query={track}>{(loaded) => <TrackView track={loaded} />}</QueryState>;
}

function TrackView({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  return (
    <>
      <Anchor component={Link} to="/tracks" mb="sm" display="inline-block">
        ← {t('back')}
      </Anchor>
      <PageTitle intro={t('people', { participant: track.participantName, department: track.departmentName })}>{track.challengeTitle}</PageTitle>
      <Stack gap="lg">
        <Section id="track-stage" title={t('stage')}>
          <Group gap="sm" mb="md">
            <StageBadge stage={track.stage} />
            <Text>{t('since', { when: format.date(track.stageEnteredAt) })}</Text>
          </Group>
          {track.stage === 'discontinued' && track.discontinuedReason && (
            <Text mb="md">
              <strong>{t('discontinuedReason')}:</strong> {track.discontinuedReason}
            </Text>
          )}
          <StageStepper track={track} />
        </Section>

        {track.graduation && (
          <Section id="track-graduation" title={t('graduation')}>
            <Text>{t('graduatedOn', { when: format.date(track.graduation.graduatedOn) })}</Text>
            <Text>
              <strong>{t('outcome')}:</strong> {t(`outcomes.${track.graduation.outcome}`)}
            </Text>
            <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {track.graduation.summary}
            </Text>
          </Section>
        )}

        {!isEnded(track.stage) && <Gates track={track} />}
        {track.mayManage && !isEnded(track.stage) && <ManagerDecisions track={track} />}
        {track.stage === 'graduated' && <FollowUpsSection trackId={track.id} />}
        <TestPlanSection track={track} />
        <TestSessionsSection track={track} />
        <MilestonesSection trackId={track.id} />
        <LearningsSection trackId={track.id} mayManage={track.mayManage} />
      </Stack>
    </>
  );
}

type GateWord = 'testPlan' | 'testSession' | 'outcome' | 'criteria';
const GATE_WORDS: Record<string, GateWord> = { test_plan: 'testPlan', test_session: 'testSession', outcome: 'outcome', outcome_summary: 'outcome' };

/** The gates the API names as still open, each said once, and the cohort's graduation criteria. */
function Gates({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const words = [...new Set(track.openGates.flatMap((gate) => gate.missing.map((missing): GateWord => GATE_WORDS[missing] ?? 'criteria')))];
  return (
    <Section id="track-gates" title={t('gates')}>
      {words.length === 0 ? (
        <Text>{t('gatesNone')}</Text>
      ) : (
        <List>
          {words.map((word) => (
            <List.Item key={word}>{t(`gate.${word}`)}</List.Item>
          ))}
        </List>
      )}
      {track.graduationCriteria.length > 0 && (
        <>
          <Text fw={600} mt="md">
            {t('criteria')}
          </Text>
          <List>
            {track.graduationCriteria.map((criterion) => (
              <List.Item key={criterion.key}>
                {criterion.label}: {criterion.met ? t('met') : t('notMet')}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}
