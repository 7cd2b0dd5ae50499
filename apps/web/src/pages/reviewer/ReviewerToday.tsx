import { Anchor, Button, List, Paper, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';
import { useWaiting } from './queries';

const SHOWN = 5;

/** The reviewer's part of the home page: the applications waiting for their review. */
export function ReviewerToday() {
  const { t } = useTranslation('reviewer');
  const format = useFormat();
  const waiting = useWaiting();
  if (!waiting.data) return null;
  const count = waiting.data.length;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reviewer-today">
      <Title order={2} size="h3" id="reviewer-today" mb="xs">
        {t('today.title')}
      </Title>
      {count === 0 ? (
        <Text mb="sm">{t('today.none')}</Text>
      ) : (
        <>
          <Text mb="xs">{t('today.body', { count, formatted: format.number(count) })}</Text>
          <List spacing="xs" mb="md">
            {waiting.data.slice(0, SHOWN).map((assignment) => (
              <List.Item key={assignment.applicationId}>
                <Anchor renderRoot={(props) => <Link {...props} to="/reviews/$applicationId" params={{ applicationId: assignment.applicationId }} />}>{assignment.applicantName}</Anchor>
                {' – '}
                {assignment.cohortName}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Button component={Link} to="/reviews" variant={count ? 'filled' : 'default'}>
        {t('today.more')}
      </Button>
    </Paper>
  );
}
