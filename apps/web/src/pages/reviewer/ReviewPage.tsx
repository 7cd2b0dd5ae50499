import { Alert, Anchor, Button, Group, Modal, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useUser } from '@web/auth/use-session';
import { AnswerList } from '@web/components/AnswerList';
import { PageTitle } from '@web/components/PageTitle';
import { fieldId, Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { ifMatch } from '@web/pages/entrepreneur/queries';
import { keys, useAssignment, type Assignment, type Review } from './queries';
import { StatusBadge } from './StatusBadge';

const route = getRouteApi('/reviews/$applicationId');

type Cohort = Schemas['CohortView'];
type Application = Schemas['ApplicationView'];
const SCORES = ['1', '2', '3', '4', '5'];

/** One assigned application: its answers, the rubric to score it with, and the way out when conflicted. */
export function ReviewPage() {
  const { applicationId } = route.useParams();
  const assignment = useAssignment(applicationId);
  return (
    <>
      <BackLink />
      <QueryState query={assignment}>{(loaded) => (loaded.status === 'conflict_declared' ? <Declared assignment={loaded} /> : <Reviewing assignment={loaded} />)}</QueryState>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation('reviewer');
  return (
    <Anchor component={Link} to="/reviews" mb="sm" display="inline-block">
      ← {t('review.back')}
    </Anchor>
  );
}

function Heading({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('reviewer');
  const format = useFormat();
  return (
    <>
      <PageTitle intro={t('review.intro', { cohort: assignment.cohortName, when: format.date(assignment.submittedAt) })}>{t('review.title', { applicant: assignment.applicantName })}</PageTitle>
      <Group gap="sm" mb="lg">
        <Text fw={600}>{t('review.status')}:</Text>
        <StatusBadge status={assignment.status} />
      </Group>
    </>
  );
}

function Declared({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('reviewer');
  return (
    <>
      <Heading assignment={assignment} />
      <Alert color="gray" role="status">
        {t('review.conflict.declared')}
      </Alert>
    </>
  );
}

function Reviewing({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('reviewer');
  const user = useUser();
  const id = assignment.applicationId;
  const application = useQuery({ queryKey: keys.application(id), queryFn: async () => unwrap(await api.GET('/api/applications/{id}', { params: { path: { id } } })) });
  const cohort = useQuery({
    queryKey: ['reviewer', 'cohorts', assignment.cohortId],
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}', { params: { path: { id: assignment.cohortId } } })),
  });
  // Only the reviewer's own review: the API shows the others' once this one is in, and the page never does.
  const review = useQuery({
    queryKey: keys.myReview(id),
    queryFn: async (): Promise<Review | null> =>
      unwrap(await api.GET('/api/applications/{id}/reviews', { params: { path: { id }, query: { limit: 100 } } })).items.find((item) => item.reviewerId === user.id) ?? null,
  });
  return (
    <>
      <Heading assignment={assignment} />
      <QueryState query={cohort}>
        {(loadedCohort) => (
          <QueryState query={application}>
            {(loadedApplication) => (
              <Stack gap="xl">
                <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="answers-heading">
                  <Title order={2} size="h3" id="answers-heading" mb="md">
                    {t('review.answers')}
                  </Title>
                  <AnswerList questions={loadedCohort.questions} answers={loadedApplication.answers} noAnswer={t('review.noAnswer')} />
                </Paper>
                <QueryState query={review}>{(mine) => <Rubric application={loadedApplication} cohort={loadedCohort} review={mine} />}</QueryState>
                {loadedApplication.state === 'submitted' && <Conflict assignment={assignment} />}
              </Stack>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function Rubric({ application, cohort, review }: { application: Application; cohort: Cohort; review: Review | null }) {
  const { t } = useTranslation('reviewer');
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(Object.entries(review?.scores ?? {}).map(([key, score]) => [key, String(score)])));
  const [comment, setComment] = useState(review?.comment ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const [done, setDone] = useState<'submitted' | 'saved'>();
  const total = cohort.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const open = application.state === 'submitted';

  const save = useMutation({
    mutationFn: async () => {
      const body = { scores: Object.fromEntries(Object.entries(scores).map(([key, score]) => [key, Number(score)])), comment };
      const path = { id: application.id };
      return review
        ? unwrap(await api.PUT('/api/applications/{id}/reviews', { params: { path, header: ifMatch(review.version) }, body }))
        : unwrap(await api.POST('/api/applications/{id}/reviews', { params: { path }, body }));
    },
    onSuccess: (saved) => {
      setDone(review ? 'saved' : 'submitted');
      queryClient.setQueryData(keys.myReview(application.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.assignments });
    },
  });
  const errors = fieldErrors(save.error);
  const labels = Object.fromEntries(cohort.rubric.map((criterion) => [`scores.${criterion.key}`, criterion.label]));
  const reload = async () => {
    save.reset();
    await queryClient.invalidateQueries({ queryKey: keys.myReview(application.id) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const unscored = cohort.rubric.filter((criterion) => !scores[criterion.key]).map((criterion) => criterion.key);
    setMissing(unscored);
    setDone(undefined);
    if (unscored.length) {
      document.getElementById(fieldId(`scores.${unscored[0]}`))?.querySelector('input')?.focus();
      return;
    }
    save.mutate();
  };

  if (!open) {
    return (
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="rubric-heading">
        <Title order={2} size="h3" id="rubric-heading" mb="xs">
          {t('review.yourScores')}
        </Title>
        <Text mb="md">{review ? t('review.closed') : t('review.closedUnreviewed')}</Text>
        {review && (
          <Stack component="dl" gap="sm" m={0}>
            {cohort.rubric.map((criterion) => (
              <div key={criterion.key}>
                <Text component="dt" fw={600}>
                  {criterion.label}
                </Text>
                <Text component="dd" m={0}>
                  {t('review.scoreLabel', { score: review.scores[criterion.key] })}
                </Text>
              </div>
            ))}
            <div>
              <Text component="dt" fw={600}>
                {t('review.comment')}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>
                {review.comment || t('review.noComment')}
              </Text>
            </div>
          </Stack>
        )}
      </Paper>
    );
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="rubric-heading">
      <Title order={2} size="h3" id="rubric-heading" mb="xs">
        {t('review.rubric')}
      </Title>
      <Text mb="md" maw="65ch">
        {review ? t('review.editable') : t('review.rubricIntro')}
      </Text>
      <div aria-live="polite">
        {done && !save.error && (
          <Alert color="green" role="status" mb="lg">
            {t(`review.${done}`)}
          </Alert>
        )}
      </div>
      <Problem error={save.error} areas={['reviewer']} labels={labels} onReload={reload} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {cohort.rubric.map((criterion) => (
            <Radio.Group
              key={criterion.key}
              id={fieldId(`scores.${criterion.key}`)}
              label={criterion.label}
              description={
                <>
                  {criterion.description && <span style={{ display: 'block' }}>{criterion.description}</span>}
                  <span style={{ display: 'block' }}>{t('review.weight', { weight: criterion.weight, total })}</span>
                </>
              }
              required
              value={scores[criterion.key] ?? null}
              onChange={(value) => {
                setScores((previous) => ({ ...previous, [criterion.key]: value }));
                setMissing((previous) => previous.filter((key) => key !== criterion.key));
              }}
              error={missing.includes(criterion.key) ? t('review.scoreMissing') : errors[`scores.${criterion.key}`]}
            >
              <Group gap="lg" mt="xs">
                {SCORES.map((score) => (
                  <Radio key={score} value={score} label={score} aria-label={t('review.scoreLabel', { score })} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            id={fieldId('comment')}
            label={t('review.comment')}
            description={t('review.commentHint')}
            autosize
            minRows={3}
            maxLength={5000}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={errors.comment}
          />
          <Button type="submit" size="md" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {review ? t('review.save') : t('review.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Conflict({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('reviewer');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, dialog] = useDisclosure(false);
  const [scope, setScope] = useState<'application' | 'applicant'>('application');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const declare = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/applications/{id}/conflicts', { params: { path: { id: assignment.applicationId } }, body: { scope, reason: reason.trim() } })),
    onSuccess: async () => {
      dialog.close();
      await queryClient.invalidateQueries({ queryKey: keys.assignments });
    },
  });
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    const empty = !reason.trim();
    setReasonMissing(empty);
    if (!empty) declare.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="conflict-heading">
      <Title order={2} size="h3" id="conflict-heading" mb="xs">
        {t('review.conflict.title')}
      </Title>
      <Text mb="xs" maw="65ch">
        {t('review.conflict.body')}
      </Text>
      <Text mb="md" maw="65ch">
        {t('review.conflict.effect')}
      </Text>
      <Button variant="default" color="red" onClick={dialog.open}>
        {t('review.conflict.declare')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('review.conflict.dialogTitle')} closeButtonProps={{ 'aria-label': common('close') }} centered>
        <form onSubmit={onConfirm} noValidate>
          <Problem error={declare.error} areas={['reviewer']} />
          <Text mb="md">{t('review.conflict.effect')}</Text>
          <Radio.Group label={t('review.conflict.scope')} value={scope} onChange={(value) => setScope(value as typeof scope)} mb="md">
            <Stack gap="xs" mt="xs">
              <Radio value="application" label={t('review.conflict.scopes.application')} />
              <Radio value="applicant" label={t('review.conflict.scopes.applicant', { applicant: assignment.applicantName })} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('review.conflict.reason')}
            description={t('review.conflict.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonMissing(false);
            }}
            error={reasonMissing ? t('review.conflict.reasonMissing') : fieldErrors(declare.error).reason}
            mb="md"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {common('cancel')}
            </Button>
            <Button type="submit" color="red" loading={declare.isPending}>
              {t('review.conflict.confirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Paper>
  );
}
