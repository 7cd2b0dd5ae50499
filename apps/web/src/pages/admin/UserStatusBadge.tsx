import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from './queries';

const COLOURS: Record<UserStatus, string> = { active: 'green', deactivated: 'red', erased: 'gray' };

/** An account's status in words; colour only repeats them. */
export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation('admin');
  return (
    <Badge color={COLOURS[status]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
