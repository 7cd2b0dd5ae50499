import { Alert, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Problem } from '@web/components/Problem';
import { DECISIONS_FROM, useDecide, type Application, type ApplicationState, type Decision } from './queries';

interface DecisionFormProps {
  cohortId: string;
  applicationId: string;
  state: ApplicationState;
  seatsLeft: number;
  onDone?: (application: Application) => void;
}

/** Accept, waitlist or reject, with the seats left in view and an optional reason. */
export function DecisionForm({ cohortId, applicationId, state, seatsLeft, onDone }: DecisionFormProps) {
  const { t } = useTranslation('selection');
  const { t: states } = useTranslation('entrepreneur');
  const choices = DECISIONS_FROM[state] ?? [];
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const decide = useDecide(cohortId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    decide.mutate({ applicationId, decision, note }, { onSuccess: (application) => onDone?.(application) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600} aria-live="polite">
          {seatsLeft > 0 ? t('decision.seatsLeft', { count: seatsLeft }) : t('decision.noSeats')}
        </Text>
        <Problem error={decide.error} areas={['selection']} />
        <Radio.Group label={t('decision.choice')} required value={decision} onChange={(value) => setDecision(value as Decision)}>
          <Stack gap="xs" mt="xs">
            {choices.map((choice) => (
              <Radio key={choice} value={choice} label={t(`decision.choices.${choice}`)} disabled={choice === 'accept' && seatsLeft === 0} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea label={t('decision.note')} description={t('decision.noteHint')} autosize minRows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {decide.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('decision.done', { state: states(`application.states.${decide.data.state}`) })}
          </Alert>
        )}
        <Button type="submit" loading={decide.isPending} disabled={!decision} style={{ alignSelf: 'flex-start' }}>
          {t('decision.submit')}
        </Button>
      </Stack>
    </form>
  );
}
