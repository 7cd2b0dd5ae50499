import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { NotificationTitle } from './NotificationTitle';
import { notificationKeys, useMarkRead } from './notifications';

type Notification = Schemas['NotificationView'];

export function NotificationsPage() {
  const { t } = useTranslation('account');
  return (
    <>
      <PageTitle intro={t('notifications.intro')}>{t('notifications.title')}</PageTitle>
      <CursorList
        queryKey={notificationKeys.list}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/notifications', { params: { query: { cursor, limit: 20 } } }))}
        itemKey={(notification) => notification.id}
        renderItem={(notification) => <NotificationCard notification={notification} />}
        empty={t('notifications.empty')}
      />
    </>
  );
}

function NotificationCard({ notification }: { notification: Notification }) {
  const { t } = useTranslation('account');
  const format = useFormat();
  const markRead = useMarkRead(notification.id);
  const unread = !notification.readAt;
  const headingId = `notification-${notification.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} style={unread ? { borderLeft: '4px solid var(--mantine-color-civic-6)' } : undefined}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          <NotificationTitle notification={notification} />
        </Title>
        <Badge color={unread ? 'civic' : 'gray'} variant="light" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {unread ? t('notifications.unread') : t('notifications.read')}
        </Badge>
      </Group>
      {notification.body && (
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {notification.body}
        </Text>
      )}
      <Text size="sm" c="gray.7" mt="xs">
        {format.dateTime(notification.createdAt)}
      </Text>
      <Problem error={markRead.error} />
      {unread && (
        <Button variant="default" size="sm" mt="sm" onClick={() => markRead.mutate()} loading={markRead.isPending} aria-label={`${t('notifications.markRead')}: ${notification.title}`}>
          {t('notifications.markRead')}
        </Button>
      )}
    </Paper>
  );
}
