import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChallengeState } from './queries';

const COLOURS: Record<ChallengeState, string> = {
  draft: 'yellow',
  submitted: 'civic',
  approved: 'green',
  changes_requested: 'orange',
  rejected: 'red',
  matched: 'green',
  in_test: 'civic',
  completed: 'gray',
  withdrawn: 'gray',
};

/** A challenge's state in words; colour only repeats what the words say. */
export function ChallengeStateBadge({ state }: { state: ChallengeState }) {
  const { t } = useTranslation('department');
  return (
    <Badge color={COLOURS[state]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`states.${state}`)}
    </Badge>
  );
}
