import { Anchor, Badge, Box, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { AnswerList } from '@web/components/AnswerList';
import { StateBadge } from '@web/pages/entrepreneur/StateBadge';
import { AssignedReviewers } from './AssignedReviewers';
import { CaptionedTable } from '@web/components/CaptionedTable';
import { DecisionForm } from './DecisionForm';
import { decidesNow, DECISIONS_FROM, seatsOf, useApplication, useCohort, useReviewers, useReviews, useScoreboard, type Application, type Cohort, type Review, type ScoreRow } from './queries';
import { useScoreFormat } from './score-format';

/** One application for the manager: the answers beside the reviews on the rubric, and the decision. */
export function ApplicationReviewsPage() {
  const { applicationId } = useParams({ from: '/manage/applications/$applicationId' });
  const application = useApplication(applicationId);
  const cohort = useCohort(application.data?.cohortId);
  const scoreboard = useScoreboard(application.data?.cohortId);
  return (
    <QueryState query={application}>
      {(app) => (
        <QueryState query={cohort}>
          {(c) => <QueryState query={scoreboard}>{(board) => <ApplicationView application={app} cohort={c} rows={board.rows} />}</QueryState>}
        </QueryState>
      )}
    </QueryState>
  );
}

function ApplicationView({ application, cohort, rows }: { application: Application; cohort: Cohort; rows: ScoreRow[] }) {
  const { t } = useTranslation('selection');
  const format = useFormat();
  const row = rows.find((r) => r.applicationId === application.id);
  const seats = seatsOf(cohort, rows);
  const canDecide = decidesNow(cohort) && Boolean(DECISIONS_FROM[application.state]);
  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/manage/cohorts/$cohortId/applications" params={{ cohortId: cohort.id }} />} mb="sm" display="inline-block">
        ← {t('application.back')}
      </Anchor>
      {/* From the application, not its scoreboard row: a withdrawn one has none, and is still someone's. */}
      <PageTitle>{application.applicantName ? t('application.title', { name: application.applicantName }) : t('application.titleUnnamed')}</PageTitle>
      <Group gap="md" mb="lg">
        <StateBadge state={application.state} />
        {application.submittedAt && <Text c="gray.8">{t('application.submitted', { when: format.dateTime(application.submittedAt) })}</Text>}
      </Group>
      {/* The reviews get the wider column: one column of scores per reviewer. */}
      <Grid gap="lg" mb="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Answers application={application} cohort={cohort} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Reviews application={application} cohort={cohort} row={row} />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="decision-heading">
          <Title order={2} size="h3" id="decision-heading" mb="sm">
            {t('decision.heading')}
          </Title>
          {application.decidedAt ? (
            <Stack gap="xs" mb={canDecide ? 'md' : 0}>
              <Text>{t('decision.taken', { when: format.dateTime(application.decidedAt) })}</Text>
              {application.decisionNote && <Text style={{ whiteSpace: 'pre-wrap' }}>{application.decisionNote}</Text>}
            </Stack>
          ) : (
            !canDecide && <Text>{t('decision.none')}</Text>
          )}
          {canDecide && <DecisionForm key={application.state} cohortId={cohort.id} applicationId={application.id} state={application.state} seatsLeft={seats.left} />}
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="assigned-heading">
          <AssignedReviewers applicationId={application.id} cohortId={cohort.id} canAssign={application.state === 'submitted'} />
        </Paper>
      </SimpleGrid>
    </>
  );
}

function Answers({ application, cohort }: { application: Application; cohort: Cohort }) {
  const { t } = useTranslation('selection');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" component="section" aria-labelledby="answers-heading">
      <Title order={2} size="h3" id="answers-heading" mb="sm">
        {t('application.answers')}
      </Title>
      <AnswerList questions={cohort.questions} answers={application.answers} noAnswer={t('application.noAnswer')} />
    </Paper>
  );
}

/** Σ weight × score / Σ weight, as the scoreboard computes a review's weighted score. */
const weighted = (review: Review, rubric: Cohort['rubric']): number =>
  rubric.reduce((sum, c) => sum + c.weight * (review.scores[c.key] ?? 0), 0) / rubric.reduce((sum, c) => sum + c.weight, 0);

function Reviews({ application, cohort, row }: { application: Application; cohort: Cohort; row: ScoreRow | undefined }) {
  const { t } = useTranslation('selection');
  const score = useScoreFormat();
  const reviews = useReviews(application.id);
  const reviewers = useReviewers(cohort.id);
  const nameOf = (id: string) => reviewers.data?.find((r) => r.userId === id)?.displayName ?? t('application.unknownReviewer');
  const figures = [
    { label: t('application.mean'), value: score.score(row?.weightedMean) },
    { label: t('application.spread'), value: score.score(row?.spread) },
    { label: t('application.normalised'), value: score.score(row?.normalisedScore) },
    { label: t('application.rank'), value: row?.rankByNormalised ?? t('table.noScore') },
  ];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" component="section" aria-labelledby="reviews-heading">
      <Title order={2} size="h3" id="reviews-heading" mb="sm">
        {t('application.reviews')}
      </Title>
      <Group component="dl" gap="lg" m={0} mb="md" aria-label={t('application.figures')}>
        {figures.map((figure) => (
          <div key={figure.label}>
            <Text component="dt" size="sm" c="gray.8">
              {figure.label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {figure.value}
            </Text>
          </div>
        ))}
      </Group>
      {row?.disagreement && (
        <Box mb="md" p="sm" bg="orange.0" style={{ borderLeft: '4px solid var(--mantine-color-orange-7)' }}>
          <Badge color="orange" variant="light" radius="sm" tt="none" mr="xs" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
            {t('table.disagreement')}
          </Badge>
          {t('table.disagreementHint')}
        </Box>
      )}
      <QueryState query={reviews}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('application.noReviews')}</Text>
          ) : (
            <Stack gap="md">
              <div>
                <CaptionedTable caption={t('application.rubricCaption')} minWidth={160 + 110 * items.length} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('application.criterion')}</Table.Th>
                    {items.map((review) => (
                      <Table.Th key={review.id} scope="col" ta="right">
                        {nameOf(review.reviewerId)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cohort.rubric.map((criterion) => (
                    <Table.Tr key={criterion.key}>
                      <Table.Th scope="row" fw={500}>
                        {criterion.label}{' '}
                        <Text span size="sm" c="gray.8">
                          ({t('application.weightValue', { weight: criterion.weight })})
                        </Text>
                      </Table.Th>
                      {items.map((review) => (
                        <Table.Td key={review.id} ta="right">
                          {review.scores[criterion.key] ?? t('table.noScore')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('application.weighted')}</Table.Th>
                    {items.map((review) => (
                      <Table.Td key={review.id} ta="right" fw={700}>
                        {score.score(weighted(review, cohort.rubric))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
                </CaptionedTable>
              </div>
              <div>
                <Title order={3} size="h4" mb="xs">
                  {t('application.comments')}
                </Title>
                <Stack gap="sm">
                  {items.map((review) => (
                    <Box key={review.id} p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
                      <Text fw={600}>{nameOf(review.reviewerId)}</Text>
                      <Text style={{ whiteSpace: 'pre-wrap' }} c={review.comment ? undefined : 'gray.8'}>
                        {review.comment || t('application.noComment')}
                      </Text>
                    </Box>
                  ))}
                </Stack>
              </div>
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
