import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import type { Challenge } from '@web/pages/department/queries';
import { matchingKeys, useDepartmentNames } from './queries';

/** The review queue: submitted challenges, the longest waiting first. */
export function ChallengeQueuePage() {
  const { t } = useTranslation('matching');
  return (
    <>
      <PageTitle intro={t('challengeQueue.intro')}>{t('challengeQueue.title')}</PageTitle>
      <CursorList
        queryKey={matchingKeys.queue}
        fetchPage={async (cursor) =>
          unwrap(
            await api.GET('/api/challenges', {
              params: {
                query: {
                  state: 'submitted',
                  sort: 'review_queue',
                  cursor,
                  limit: 20,
                },
              },
            }),
          )
        }
        itemKey={(challenge) => challenge.id}
        renderItem={(challenge) => <QueueItem challenge={challenge} />}
        empty={t('challengeQueue.empty')}
      />
    </>
  );
}

function QueueItem({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation('matching');
  const format = useFormat();
  const departments = useDepartmentNames();
  const headingId = `challenge-${challenge.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        <Anchor renderRoot={(props) => <Link {...props} to="/manage/challenges/$challengeId" params={{ challengeId: challenge.id }} />}>{challenge.title}</Anchor>
      </Title>
      <Text mt={4}>
        {t('challengeQueue.department', {
          name: departments.data?.get(challenge.departmentId) ?? '…',
        })}
      </Text>
      {challenge.submittedAt && (
        <Text size="sm" c="gray.7">
          {t('challengeQueue.submitted', {
            when: format.dateTime(challenge.submittedAt),
          })}
        </Text>
      )}
    </Paper>
  );
}
