import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus } from './queries';

const COLOURS: Record<AssignmentStatus, string> = {
  to_review: 'yellow',
  reviewed: 'green',
  conflict_declared: 'gray',
  closed: 'gray',
};

/** Where the reviewer stands with an application, in words; colour only repeats them. */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation('reviewer');
  return (
    <Badge color={COLOURS[status]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
