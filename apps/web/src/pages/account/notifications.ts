import { useQuery } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export const notificationKeys = { all: ['notifications'] as const, unread: ['notifications', 'unread'] as const, list: ['notifications', 'list'] as const };

/** How many unread notifications (up to 100, shown as "99+" beyond). */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => unwrap(await api.GET('/api/notifications', { params: { query: { unread: true, limit: 100 } } })).items.length,
    enabled,
    refetchInterval: 60_000,
  });
