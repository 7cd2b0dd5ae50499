import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { AnswerList } from '@web/components/AnswerList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { QuestionField, type Answer } from './QuestionField';
import { ifMatch, keys, useCohort, useMyApplication, type Application, type Cohort } from './queries';
import { StateBadge } from './StateBadge';

const route = getRouteApi('/cohorts/$cohortId');

export function ApplicationPage() {
  const { cohortId } = route.useParams();
  const cohort = useCohort(cohortId);
  const application = useMyApplication(cohortId);
  return (
    <QueryState query={cohort}>
      {(loaded) => <QueryState query={application}>{(mine) => <ApplicationView cohort={loaded} application={mine} />}</QueryState>}
    </QueryState>
  );
}

type Done = 'saved' | 'submitted' | 'withdrawn';

function ApplicationView({ cohort, application }: { cohort: Cohort; application: Application | null }) {
  const { t } = useTranslation('entrepreneur');
  const format = useFormat();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>((application?.answers ?? {}) as Record<string, Answer>);
  const [done, setDone] = useState<Done>();
  const [withdrawing, withdrawDialog] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const state = application?.state ?? 'none';
  const editable = state === 'none' || state === 'draft';
  // As the API's application lifecycle allows: until accepted or rejected, the waiting list included.
  const canWithdraw = state === 'draft' || state === 'submitted' || state === 'waitlisted';

  const store = (next: Application) => queryClient.setQueryData(keys.application(cohort.id), next);
  /** Saves the answers: the first save creates the draft, later ones replace it at its version. */
  const saveDraft = async (): Promise<Application> => {
    const body = { answers: Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) };
    const saved = application
      ? unwrap(await api.PUT('/api/applications/{id}', { params: { path: { id: application.id }, header: ifMatch(application.version) }, body }))
      : unwrap(await api.POST('/api/cohorts/{id}/applications', { params: { path: { id: cohort.id } }, body }));
    store(saved);
    return saved;
  };
  const save = useMutation({ mutationFn: saveDraft, onSuccess: () => setDone('saved') });
  const submit = useMutation({
    mutationFn: async () => {
      const draft = await saveDraft();
      return unwrap(await api.POST('/api/applications/{id}/submit', { params: { path: { id: draft.id } } }));
    },
    onSuccess: (submitted) => {
      store(submitted);
      setDone('submitted');
      void queryClient.invalidateQueries({ queryKey: keys.cohorts });
    },
  });
  const withdraw = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/applications/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: (withdrawn) => {
      store(withdrawn);
      withdrawDialog.close();
      setDone('withdrawn');
    },
  });
  const error = submit.error ?? save.error ?? withdraw.error;
  const errors = fieldErrors(error);
  const labels = Object.fromEntries(cohort.questions.map((question) => [`answers.${question.key}`, question.label]));
  const reload = async () => {
    save.reset();
    submit.reset();
    await queryClient.invalidateQueries({ queryKey: keys.application(cohort.id) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  return (
    <>
      <Anchor component={Link} to="/cohorts" mb="sm" display="inline-block">
        ← {t('application.back')}
      </Anchor>
      <PageTitle intro={editable ? t('application.intro') : undefined}>{t('application.title', { cohort: cohort.name })}</PageTitle>

      <Paper withBorder p="lg" mb="lg" component="section" aria-labelledby="application-state">
        <Group gap="sm" align="center">
          <Title order={2} size="h4" id="application-state">
            {t('application.state')}:
          </Title>
          <StateBadge state={state} />
        </Group>
        <Text mt="xs">{t(`application.stateHelp.${state}`, { when: application?.submittedAt ? format.dateTime(application.submittedAt) : '' })}</Text>
        {application?.decidedAt && (
          <Text mt="xs" size="sm" c="gray.7">
            {t('application.decision', { when: format.date(application.decidedAt) })}
          </Text>
        )}
        {application?.decisionNote && (
          <Text mt="xs">
            <strong>{t('application.decisionNote')}:</strong> {application.decisionNote}
          </Text>
        )}
      </Paper>

      <div aria-live="polite">
        {done && !error && (
          <Alert color="green" role="status" mb="lg">
            {t(`application.${done}`)}
          </Alert>
        )}
      </div>
      <Problem error={error} areas={['entrepreneur']} labels={labels} onReload={reload} />

      {editable && cohort.state !== 'open' && state === 'none' ? (
        <Alert color="yellow">{t('application.closed')}</Alert>
      ) : editable ? (
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="lg">
              {cohort.questions.map((question) => (
                <QuestionField
                  key={question.key}
                  question={question}
                  value={answers[question.key]}
                  error={errors[`answers.${question.key}`]}
                  onChange={(value) => setAnswers((previous) => ({ ...previous, [question.key]: value }))}
                />
              ))}
              <Group gap="sm">
                <Button type="submit" size="md" loading={submit.isPending}>
                  {t('application.submit')}
                </Button>
                <Button variant="default" size="md" onClick={() => save.mutate()} loading={save.isPending}>
                  {t('application.saveDraft')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="answers-heading">
          <Title order={2} size="h3" id="answers-heading" mb="md">
            {t('application.answers')}
          </Title>
          <AnswerList questions={cohort.questions} answers={application?.answers ?? {}} noAnswer={t('application.noAnswer')} />
        </Paper>
      )}

      {canWithdraw && application && (
        <>
          <Button variant="subtle" color="red" mt="lg" onClick={withdrawDialog.open}>
            {t('application.withdraw')}
          </Button>
          <Modal opened={withdrawing} onClose={withdrawDialog.close} title={t('application.withdrawTitle')} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }} centered>
            <Text mb="md">{t(state === 'waitlisted' ? 'application.withdrawBodyWaitlisted' : 'application.withdrawBody')}</Text>
            <Textarea label={t('application.withdrawReason')} maxLength={1000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} mb="md" />
            <Group justify="flex-end">
              <Button variant="default" onClick={withdrawDialog.close}>
                {t('cancel', { ns: 'common' })}
              </Button>
              <Button color="red" onClick={() => withdraw.mutate(application.id)} loading={withdraw.isPending}>
                {t('application.withdrawConfirm')}
              </Button>
            </Group>
          </Modal>
        </>
      )}
    </>
  );
}
