import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortState } from './queries';

const COLOURS: Record<CohortState, string> = { planning: 'yellow', open: 'civic', selecting: 'orange', running: 'green', completed: 'gray', archived: 'gray' };

/** A cohort's state in words; colour only repeats what the words say. */
export function CohortStateBadge({ state }: { state: CohortState }) {
  const { t } = useTranslation('manager');
  return (
    <Badge color={COLOURS[state]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`states.${state}`)}
    </Badge>
  );
}
