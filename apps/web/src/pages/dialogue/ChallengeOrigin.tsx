import { Alert, Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@web/api/client';
import { useFormat } from '@web/i18n/format';

/** Where a challenge began, when a department drafted it from a dialogue meeting's need. */
export function ChallengeOrigin({ origin }: { origin: Schemas['ChallengeView']['origin'] }) {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  if (!origin) return null;
  const sectors = origin.sectors.map((sector) => t(`sectors.${sector}`).toLocaleLowerCase()).join(', ');
  return (
    <Alert color="gray" variant="light" title={t('origin.title')} mb="lg">
      {t('origin.text', { need: origin.needTitle, date: format.date(origin.meetingStartsAt), count: origin.people, sectors })}{' '}
      <Anchor renderRoot={(props) => <Link {...props} to="/dialogue/meetings/$meetingId" params={{ meetingId: origin.meetingId }} />}>{origin.meetingTheme}</Anchor>
    </Alert>
  );
}
