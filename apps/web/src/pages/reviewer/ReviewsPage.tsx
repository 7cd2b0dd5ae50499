import { Anchor, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { keys, STATUSES, type AssignmentStatus } from './queries';
import { StatusBadge } from './StatusBadge';

/** The reviewer's applications across cohorts, oldest submission first, by where they stand. */
export function ReviewsPage() {
  const { t } = useTranslation('reviewer');
  const format = useFormat();
  const [status, setStatus] = useState<AssignmentStatus | null>(null);
  return (
    <>
      <PageTitle intro={t('reviews.intro')}>{t('reviews.title')}</PageTitle>
      <Stack gap="lg">
        <Select
          label={t('reviews.status')}
          data={[{ value: '', label: t('reviews.allStatuses') }, ...STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))]}
          value={status ?? ''}
          onChange={(value) => setStatus(value ? (value as AssignmentStatus) : null)}
          allowDeselect={false}
          maw={320}
        />
        <CursorList
          queryKey={[...keys.assignments, 'list', status]}
          fetchPage={async (cursor) => unwrap(await api.GET('/api/me/review-assignments', { params: { query: { cursor, limit: 20, status: status ?? undefined } } }))}
          itemKey={(assignment) => assignment.applicationId}
          empty={status ? t('reviews.emptyStatus') : t('reviews.empty')}
          renderItem={(assignment) => (
            <Paper withBorder p="md">
              <Group justify="space-between" gap="xs" align="flex-start">
                <Anchor renderRoot={(props) => <Link {...props} to="/reviews/$applicationId" params={{ applicationId: assignment.applicationId }} />} fw={600} size="lg">
                  {assignment.applicantName}
                </Anchor>
                <StatusBadge status={assignment.status} />
              </Group>
              <Text mt={4}>{t('reviews.cohort', { cohort: assignment.cohortName })}</Text>
              <Text size="sm" c="gray.7">
                {assignment.reviewedAt ? t('reviews.reviewed', { when: format.dateTime(assignment.reviewedAt) }) : t('reviews.submitted', { when: format.date(assignment.submittedAt) })}
              </Text>
            </Paper>
          )}
        />
      </Stack>
    </>
  );
}
