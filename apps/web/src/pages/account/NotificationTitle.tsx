import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Schemas } from '@web/api/client';
import { notificationTarget, useMarkRead } from './notifications';

/** A notification's title; a link to what it is about where the app has a page for it, and following it marks it read. */
export function NotificationTitle({ notification }: { notification: Schemas['NotificationView'] }) {
  const markRead = useMarkRead(notification.id);
  const target = notificationTarget(notification);
  if (!target) return notification.title;
  return (
    <Anchor inherit renderRoot={(props) => <Link {...props} {...target} />} onClick={() => !notification.readAt && markRead.mutate()}>
      {notification.title}
    </Anchor>
  );
}
