import { Badge, Group, List, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { AssignReviewer } from './AssignReviewer';
import { keys, useAssignedReviewers } from './queries';

/** Who reviews the application and whose review is in; while it awaits a decision, another reviewer can be assigned. */
export function AssignedReviewers({ applicationId, cohortId, canAssign }: { applicationId: string; cohortId: string; canAssign: boolean }) {
  const { t } = useTranslation('selection');
  const format = useFormat();
  const queryClient = useQueryClient();
  const assigned = useAssignedReviewers(applicationId);
  return (
    <>
      <Title order={2} size="h3" id="assigned-heading" mb="sm">
        {t('assigned.heading')}
      </Title>
      <QueryState query={assigned}>
        {(reviewers) =>
          reviewers.length === 0 ? (
            <Text>{t('assigned.none')}</Text>
          ) : (
            <List listStyleType="none" spacing="xs" aria-labelledby="assigned-heading">
              {reviewers.map((reviewer) => (
                <List.Item key={reviewer.reviewerId}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{reviewer.reviewerName}</Text>
                    <Badge color={reviewer.reviewedAt ? 'green' : 'gray'} variant="light" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
                      {reviewer.reviewedAt ? t('assigned.reviewed', { when: format.date(reviewer.reviewedAt) }) : t('assigned.waiting')}
                    </Badge>
                  </Group>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
      {canAssign && (
        <>
          <Title order={3} size="h4" mt="lg" mb="xs">
            {t('application.assignHeading')}
          </Title>
          <AssignReviewer
            cohortId={cohortId}
            applicationIds={[applicationId]}
            assigned={assigned.data?.map((reviewer) => reviewer.reviewerId)}
            onAssigned={() => void queryClient.invalidateQueries({ queryKey: keys.assignedReviewers(applicationId) })}
          />
        </>
      )}
    </>
  );
}
