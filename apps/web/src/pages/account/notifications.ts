import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
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

export const useMarkRead = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
};

/** The page a notification is about, from its type and the ids in its data; null when the app has none for it. */
export function notificationTarget(notification: Pick<Schemas['NotificationView'], 'type' | 'data'>): { to: '/partners/$postId'; params: { postId: string } } | null {
  const { postId } = notification.data;
  // The partner board's notifications (interest shown and answered, a post hidden or shown again) all name their post.
  if (notification.type.startsWith('partner_') && typeof postId === 'string') return { to: '/partners/$postId', params: { postId } };
  return null;
}
