import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application } from './queries';

type State = Application['state'] | 'none';
const COLOURS: Record<State, string> = { none: 'gray', draft: 'yellow', submitted: 'civic', accepted: 'green', waitlisted: 'orange', rejected: 'red', withdrawn: 'gray' };

/** An application's state in words; colour only repeats what the words say. */
export function StateBadge({ state }: { state: State }) {
  const { t } = useTranslation('entrepreneur');
  return (
    <Badge color={COLOURS[state]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`application.states.${state}`)}
    </Badge>
  );
}
