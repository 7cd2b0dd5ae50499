import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';
import type { Schemas } from '@web/api/client';

type PublicMeeting = Schemas['MeetingPublicView'];

/** When, where and with whom: the same lines on the staff's page, the sign-up form and the participant's page. */
export function MeetingFacts({ meeting }: { meeting: PublicMeeting }) {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Text>
        <strong>{t('when')}:</strong> {format.dateTime(meeting.startsAt)}
        {meeting.endsAt && ` – ${format.dateTime(meeting.endsAt)}`}
      </Text>
      {meeting.place && (
        <Text>
          <strong>{t('where')}:</strong> {meeting.place}
        </Text>
      )}
      {meeting.link && (
        <Text>
          <strong>{t('link')}:</strong>{' '}
          <Anchor href={meeting.link} target="_blank" rel="noreferrer">
            {meeting.link}
          </Anchor>
        </Text>
      )}
      <Text>{t('facilitator', { name: meeting.facilitator })}</Text>
      <Group gap="xs">
        <Text size="sm" c="gray.7">
          {meeting.sectors.map((sector) => t(`sectors.${sector}`)).join(' · ')}
        </Text>
      </Group>
      <Text size="sm" c="gray.7">
        {t('seats', { confirmed: meeting.seatCounts.confirmed, seats: meeting.seats })}
        {meeting.seatCounts.waitlisted > 0 && ` · ${t('waiting', { count: meeting.seatCounts.waitlisted })}`}
      </Text>
      {meeting.description && <Text mt="xs">{meeting.description}</Text>}
    </Stack>
  );
}
