import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { MeetingForm } from './MeetingForm';
import { NeedsFunnel } from './NeedsFunnel';
import { keys, type Meeting } from './queries';

/** The installation's dialogue meetings, and arranging a new one. */
export function MeetingsPage() {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  const user = useUser();
  const [arranging, setArranging] = useState(false);
  return (
    <Stack gap="lg">
      <PageTitle intro={t('list.intro')}>{t('list.title')}</PageTitle>
      {arranging ? (
        <MeetingForm meeting={null} onCancel={() => setArranging(false)} />
      ) : (
        <Button onClick={() => setArranging(true)} style={{ alignSelf: 'flex-start' }}>
          {t('list.arrange')}
        </Button>
      )}
      <CursorList<Meeting>
        queryKey={keys.meetings}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/dialogue-meetings', { params: { query: { cursor, limit: 20 } } }))}
        itemKey={(meeting) => meeting.id}
        empty={t('list.empty')}
        renderItem={(meeting) => (
          <Paper withBorder p="md">
            <Title order={2} size="h4">
              <Anchor inherit renderRoot={(props) => <Link {...props} to="/dialogue/meetings/$meetingId" params={{ meetingId: meeting.id }} />}>
                {meeting.theme}
              </Anchor>
            </Title>
            <Text size="sm" c="gray.7">
              {[format.dateTime(meeting.startsAt), meeting.place ?? meeting.link].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm">
              {t('seats', { confirmed: meeting.seatCounts.confirmed, seats: meeting.seats })}
              {meeting.seatCounts.waitlisted > 0 && ` · ${t('waiting', { count: meeting.seatCounts.waitlisted })}`}
            </Text>
          </Paper>
        )}
      />
      {(hasRole(user, 'programme_manager') || hasRole(user, 'admin')) && <NeedsFunnel />}
    </Stack>
  );
}
