import { Alert, Anchor, Box, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useMunicipalities, useSdgs } from '@web/api/reference';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { Revisions } from '@web/pages/challenges/Revisions';
import { ChallengeStateBadge } from '@web/pages/department/ChallengeStateBadge';
import { keys as departmentKeys, useChallenge, useTestEnvironments, type Challenge } from '@web/pages/department/queries';
import { allPages, matchingKeys, useDepartmentNames } from './queries';
import { ChallengeOrigin } from '@web/pages/dialogue/ChallengeOrigin';

type Decision = Schemas['ReviewChallengeDto']['decision'];
const DECISIONS: Decision[] = ['approve', 'request_changes', 'reject'];
/** The cohort states a challenge may be approved into (the API refuses the rest). */
const TAKING_CHALLENGES = new Set(['planning', 'open', 'selecting']);

/** One submitted challenge: its content, what changed since the last review, and the decision. */
export function ChallengeReviewPage() {
  const { challengeId } = useParams({
    from: '/manage/challenges/$challengeId',
  });
  const { t } = useTranslation('matching');
  const format = useFormat();
  const challenge = useChallenge(challengeId);
  const departments = useDepartmentNames();
  const [done, setDone] = useState<string | null>(null);
  return (
    <QueryState query={challenge}>
      {(current) => (
        <>
          <PageTitle>{current.title}</PageTitle>
          <Group gap="sm" mb="xs">
            <ChallengeStateBadge state={current.state} />
            <Anchor component={Link} to="/manage/challenges">
              {t('challengeReview.back')}
            </Anchor>
          </Group>
          <Text>
            {t('challengeReview.department', {
              name: departments.data?.get(current.departmentId) ?? '…',
            })}
          </Text>
          {current.submittedAt && (
            <Text size="sm" c="gray.7" mb="lg">
              {t('challengeReview.submitted', {
                when: format.dateTime(current.submittedAt),
              })}
            </Text>
          )}
          <ChallengeOrigin origin={current.origin} />
          {done && (
            <Alert color="green" role="status" mb="lg">
              {done}{' '}
              <Anchor component={Link} to="/manage/challenges">
                {t('challengeReview.back')}
              </Anchor>
            </Alert>
          )}
          <Stack gap="xl">
            <Content challenge={current} />
            <Revisions challenge={current} />
            {current.state === 'submitted' ? (
              <ReviewForm key={current.version} challenge={current} onDone={setDone} onReload={() => void challenge.refetch()} />
            ) : (
              !done && (
                <Alert color="gray">
                  {t('challengeReview.notReviewable', {
                    state: t(`states.${current.state}`, { ns: 'department' }),
                  })}
                </Alert>
              )
            )}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

/** The challenge as submitted, in words: names for codes and ids. */
function Content({ challenge }: { challenge: Challenge }) {
  const { t, i18n } = useTranslation('matching');
  const format = useFormat();
  const sdgs = useSdgs();
  const municipalities = useMunicipalities();
  const environments = useTestEnvironments(challenge.departmentId);
  const list = (items: string[]) => (items.length ? items.join(', ') : null);
  const route = challenge.routeToAdoption;
  const needOwner = [route.needOwner.name, route.needOwner.role, route.needOwner.email].filter(Boolean).join(', ');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="content-heading">
      <Title order={2} size="h3" id="content-heading" mb="sm">
        {t('challengeReview.content')}
      </Title>
      <Box component="dl" m={0}>
        <Field label={t('challengeReview.problemStatement')}>{challenge.problemStatement}</Field>
        <Field label={t('challengeReview.targetGroup')}>{challenge.targetGroup}</Field>
        <Field label={t('challengeReview.desiredOutcome')}>{challenge.desiredOutcome}</Field>
      </Box>
      <SimpleGrid component="dl" m={0} cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={0}>
        <Field label={t('challengeReview.themes')}>{list(challenge.themes)}</Field>
        <Field label={t('challengeReview.competences')}>{list(challenge.competences)}</Field>
        <Field label={t('challengeReview.sdgs')}>
          {list(
            challenge.sdgs.map((number) => {
              const sdg = sdgs.data?.find((goal) => goal.number === number);
              return sdg ? `${number} ${i18n.language === 'sv' ? sdg.nameSv : sdg.nameEn}` : String(number);
            }),
          )}
        </Field>
        <Field label={t('challengeReview.languages')}>{list(challenge.languages.map(format.language))}</Field>
        <Field label={t('challengeReview.location')}>{municipalities.data?.find((municipality) => municipality.code === challenge.municipalityCode)?.name ?? null}</Field>
        <Field label={t('challengeReview.hoursPerWeek')}>{challenge.hoursPerWeek === null ? null : format.number(challenge.hoursPerWeek)}</Field>
        <Field label={t('challengeReview.seats')}>{format.number(challenge.seats)}</Field>
        <Field label={t('challengeReview.environments')}>
          {list(challenge.testEnvironmentIds.map((id) => environments.data?.find((environment) => environment.id === id)?.name ?? t('environments.retired', { ns: 'department' })))}
        </Field>
      </SimpleGrid>
      <Title order={3} size="h4" mt="md" mb="xs">
        {t('challengeReview.route')}
      </Title>
      <Box component="dl" m={0}>
        <Field label={t('challengeReview.needOwner')}>{needOwner || null}</Field>
        <Field label={t('challengeReview.uptake')}>{route.uptake ? t(`editor.uptakes.${route.uptake}`, { ns: 'department' }) : null}</Field>
        <Field label={t('challengeReview.uptakeNote')}>{route.uptakeNote}</Field>
        <Field label={t('challengeReview.adoptedMeans')}>{route.adoptedMeans}</Field>
      </Box>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('matching');
  return (
    <Box mb="sm">
      <Text component="dt" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={children ? undefined : 'gray.7'}>
        {children || t('challengeReview.none')}
      </Text>
    </Box>
  );
}

/** The manager's cohorts that take challenges now, grouped by programme, for approving into one. */
function useCohortOptions() {
  return useQuery({
    queryKey: matchingKeys.cohorts,
    queryFn: async () => {
      const [programmes, cohorts] = await Promise.all([
        allPages(async (cursor) =>
          unwrap(
            await api.GET('/api/programmes', {
              params: { query: { cursor, limit: 100 } },
            }),
          ),
        ),
        allPages(async (cursor) =>
          unwrap(
            await api.GET('/api/cohorts', {
              params: { query: { cursor, limit: 100 } },
            }),
          ),
        ),
      ]);
      return programmes
        .map((programme) => ({
          group: programme.name,
          items: cohorts
            .filter((cohort) => cohort.programmeId === programme.id && TAKING_CHALLENGES.has(cohort.state))
            .map((cohort) => ({ value: cohort.id, label: cohort.name }))
            .sort((a, b) => swedishCollator.compare(a.label, b.label)),
        }))
        .filter((group) => group.items.length > 0);
    },
  });
}

function ReviewForm({ challenge, onDone, onReload }: { challenge: Challenge; onDone: (message: string) => void; onReload: () => void }) {
  const { t } = useTranslation('matching');
  const queryClient = useQueryClient();
  const cohorts = useCohortOptions();
  const [decision, setDecision] = useState<Decision>('approve');
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const review = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/challenges/{id}/review', {
          params: { path: { id: challenge.id } },
          body: {
            decision,
            comment: comment.trim() || undefined,
            cohortId: decision === 'approve' ? cohortId ?? undefined : undefined,
          },
        }),
      ),
    onSuccess: async (updated) => {
      const cohortName = cohorts.data?.flatMap((group) => group.items).find((cohort) => cohort.value === updated.cohortId)?.label ?? '';
      onDone(t(`challengeReview.done.${decision}`, { cohort: cohortName }));
      queryClient.setQueryData(departmentKeys.challenge(challenge.id), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: matchingKeys.queue }),
        queryClient.invalidateQueries({
          queryKey: departmentKeys.revisions(challenge.id),
        }),
      ]);
    },
  });
  const errors = { ...fieldErrors(review.error), ...missing };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent: Record<string, string> = {};
    if (decision === 'approve' && !cohortId) absent.cohortId = t('challengeReview.required');
    if (decision !== 'approve' && !comment.trim()) absent.comment = t('challengeReview.required');
    setMissing(absent);
    if (Object.keys(absent).length === 0) review.mutate();
  };
  const labels = {
    cohortId: t('challengeReview.cohort'),
    comment: decision === 'reject' ? t('challengeReview.reason') : t('challengeReview.comment'),
  };
  const noCohorts = cohorts.isSuccess && cohorts.data.length === 0;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h3" id="decision-heading" mb="sm">
        {t('challengeReview.decision')}
      </Title>
      <Problem error={review.error} areas={['matching']} labels={labels} onReload={onReload} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          <Radio.Group value={decision} onChange={(value) => setDecision(value as Decision)} label={t('challengeReview.choose')}>
            <Stack gap="xs" mt="xs">
              {DECISIONS.map((option) => (
                <Radio key={option} value={option} label={t(`challengeReview.decisions.${option}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {decision === 'approve' &&
            (noCohorts ? (
              <Alert color="orange">{t('challengeReview.noCohorts')}</Alert>
            ) : (
              <Select
                id={fieldId('cohortId')}
                label={labels.cohortId}
                description={t('challengeReview.cohortHint')}
                data={cohorts.data ?? []}
                value={cohortId}
                onChange={setCohortId}
                searchable
                required
                error={errors.cohortId}
              />
            ))}
          <Textarea
            id={fieldId('comment')}
            label={labels.comment}
            description={decision === 'approve' ? t('challengeReview.commentOptional') : t('challengeReview.commentHint')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            required={decision !== 'approve'}
            error={errors.comment}
            autosize
            minRows={3}
            maxLength={5000}
          />
          <Button type="submit" loading={review.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('challengeReview.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
