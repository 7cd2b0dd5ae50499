import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { Problem } from '@web/components/Problem';
import { swedishCollator } from '@web/i18n/format';
import { useReviewers } from './queries';

interface AssignReviewerProps {
  cohortId: string;
  applicationIds: string[];
  /** Many applications chosen in a table: say how many are chosen. */
  bulk?: boolean;
  /** Reviewers already assigned (to the one application), left out of the choice. */
  assigned?: readonly string[];
  /** Called once every application has been tried. */
  onAssigned?: () => void;
}

interface Outcome {
  reviewer: string;
  assigned: number;
  /** Problem codes of the applications that were skipped, e.g. already_assigned. */
  skipped: string[];
}

/** One reviewer of the cohort's jury assigned to one or many applications; the ones that cannot take them are named, not lost. */
export function AssignReviewer({ cohortId, applicationIds, bulk = false, assigned = [], onAssigned }: AssignReviewerProps) {
  const { t } = useTranslation('selection');
  const reviewers = useReviewers(cohortId);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const outcome: Outcome = { reviewer: reviewers.data?.find((r) => r.userId === reviewerId)?.displayName ?? '', assigned: 0, skipped: [] };
      for (const id of applicationIds) {
        try {
          unwrap(await api.POST('/api/applications/{id}/assignments', { params: { path: { id } }, body: { reviewerId: reviewerId ?? '' } }));
          outcome.assigned += 1;
        } catch (error) {
          // A refusal the manager can act on is reported with the others; anything else stops the run.
          if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 422) || !error.problem?.code) throw error;
          outcome.skipped.push(error.problem.code);
        }
      }
      return outcome;
    },
    onSuccess: () => onAssigned?.(),
  });

  if (reviewers.data?.length === 0) return <Text>{t('assign.noReviewers')}</Text>;
  const options = (reviewers.data ?? [])
    .filter((r) => !assigned.includes(r.userId))
    .map((r) => ({ value: r.userId, label: r.displayName }))
    .sort((a, b) => swedishCollator.compare(a.label, b.label));
  const outcome = assign.data;
  const reasons = outcome ? [...new Set(outcome.skipped)].map((code) => t(`problems.${code}`, { defaultValue: code })).join(', ') : '';

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select label={t('assign.reviewer')} data={options} value={reviewerId} onChange={setReviewerId} searchable w={260} disabled={reviewers.isPending} />
        <Button onClick={() => assign.mutate()} loading={assign.isPending} disabled={!reviewerId || applicationIds.length === 0}>
          {t('assign.submit')}
        </Button>
        {bulk && (
          <Text size="sm" c="gray.8" mb={6}>
            {applicationIds.length ? t('assign.selected', { count: applicationIds.length }) : t('assign.noneSelected')}
          </Text>
        )}
      </Group>
      <Problem error={assign.error ?? reviewers.error} areas={['selection']} />
      {outcome && (
        <Alert color={outcome.skipped.length ? 'yellow' : 'green'} variant="light" role="status">
          {outcome.assigned > 0 && <Text>{t('assign.done', { count: outcome.assigned, reviewer: outcome.reviewer })}</Text>}
          {outcome.skipped.length > 0 && <Text>{t('assign.skipped', { count: outcome.skipped.length, reasons })}</Text>}
        </Alert>
      )}
    </Stack>
  );
}
