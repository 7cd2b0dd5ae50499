import { Badge } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './notifications';

/** The header's way to the notifications, saying how many are unread. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread > 0 ? t('nav.unread', { count: unread }) : t('nav.notifications');
  return (
    <Link to="/notifications" className="nav-link" aria-label={label} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <span aria-hidden="true">{t('nav.notifications')}</span>
      {unread > 0 && (
        <Badge aria-hidden="true" color="red.8" radius="xl" size="sm">
          {unread > 99 ? '99+' : unread}
        </Badge>
      )}
    </Link>
  );
}
