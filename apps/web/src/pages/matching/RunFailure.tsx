import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from './queries';

export type FailureCode = NonNullable<RunSummary['failureCode']>;

/**
 * The newest run failed: why, in words, and what the manager can do next. The new run it offers
 * uses the same algorithm without the failed run's locked and forbidden pairs, which are the
 * usual cause (and can be set again from a done run's proposals).
 */
export function RunFailure({ run, onRetry, retrying }: { run: RunSummary; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation('matching');
  const code: FailureCode = run.failureCode ?? 'internal_error';
  return (
    <Alert color="orange" variant="light" title={t('matching.failure.title', { reason: t(`matching.failure.reasons.${code}`) })} mb="md">
      <Text maw="70ch">{t(`matching.failure.next.${code}`)}</Text>
      <Text maw="70ch" mt="xs">
        {t('matching.failure.rerun', { algorithm: t(`matching.algorithms.${run.algorithm}`).toLowerCase() })}
      </Text>
      <Button mt="sm" variant="default" onClick={onRetry} loading={retrying} disabled={retrying}>
        {t('matching.failure.again')}
      </Button>
    </Alert>
  );
}
