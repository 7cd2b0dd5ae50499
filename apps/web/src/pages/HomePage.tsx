import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { NotificationTitle } from './account/NotificationTitle';
import { DepartmentToday } from './department/DepartmentToday';
import { AdminToday } from './admin/AdminToday';
import { EntrepreneurToday } from './entrepreneur/EntrepreneurToday';
import { ReviewerToday } from './reviewer/ReviewerToday';
import { ManagerToday } from './manager/ManagerToday';

/** "What needs me today": each role's part, then the latest notifications. */
export function HomePage() {
  const { t } = useTranslation('home');
  const user = useUser();
  return (
    <>
      <PageTitle intro={t('intro')}>{t('title', { name: user.displayName })}</PageTitle>
      <Stack gap="xl">
        {hasRole(user, 'entrepreneur') && <EntrepreneurToday />}
        {hasRole(user, 'department_member') && <DepartmentToday />}
        {hasRole(user, 'programme_manager') && <ManagerToday />}
        {hasRole(user, 'reviewer') && <ReviewerToday />}
        {hasRole(user, 'admin') && <AdminToday />}
        <Notifications />
      </Stack>
    </>
  );
}

function Notifications() {
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <section aria-labelledby="notifications-heading">
      <Title order={2} size="h3" id="notifications-heading" mb="sm">
        {t('notifications')}
      </Title>
      <CursorList
        queryKey={['notifications']}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/notifications', { params: { query: { cursor, limit: 10 } } }))}
        itemKey={(notification) => notification.id}
        empty={t('noNotifications')}
        renderItem={(notification) => (
          <Paper withBorder p="md">
            <Group justify="space-between" gap="xs">
              <Text fw={600}>
                <NotificationTitle notification={notification} />
              </Text>
              {!notification.readAt && (
                <Badge variant="light" tt="none">
                  {t('unread')}
                </Badge>
              )}
            </Group>
            <Text>{notification.body}</Text>
            <Text size="sm" c="gray.7">
              {format.dateTime(notification.createdAt)}
            </Text>
          </Paper>
        )}
      />
    </section>
  );
}
