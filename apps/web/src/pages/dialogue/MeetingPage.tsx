import { Alert, Anchor, Badge, Button, Checkbox, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CaptionedTable } from '@web/components/CaptionedTable';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { useMyDepartments } from '@web/pages/department/queries';
import { MeetingFacts } from './MeetingFacts';
import { MeetingForm } from './MeetingForm';
import { NeedCard, sortedNeeds } from './NeedCard';
import { NeedForm, NeedTextForm } from './NeedForm';
import { ifMatch, keys, signupPath, useMeeting, useNeeds, useSignups, type Meeting, type Need } from './queries';

/** A dialogue meeting for staff: its facts and sign-up link, the needs and their backing; for arrangers also the sign-ups, attendance and merging. */
export function MeetingPage() {
  const { meetingId } = useParams({ from: '/dialogue/meetings/$meetingId' });
  const { t } = useTranslation('dialogue');
  const queryClient = useQueryClient();
  const meeting = useMeeting(meetingId);
  const refreshNeeds = () => queryClient.invalidateQueries({ queryKey: keys.needs(meetingId) });
  return (
    <QueryState query={meeting}>
      {(data) => (
        <Stack gap="lg">
          <PageTitle
            intro={
              <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/dialogue" />}>
                {t('meeting.back')}
              </Anchor>
            }
          >
            {data.theme}
          </PageTitle>
          <Details meeting={data} />
          {data.mayArrange && <NeedsSwitch meeting={data} />}
          <Needs meeting={data} />
          {data.mayArrange && <NeedForm withEvidence send={async (body) => unwrap(await api.POST('/api/dialogue-meetings/{id}/needs', { params: { path: { id: data.id } }, body }))} onAdded={refreshNeeds} />}
          {data.mayArrange && <Signups meetingId={data.id} />}
        </Stack>
      )}
    </QueryState>
  );
}

/** The meeting's facts and sign-up link; its arrangers change them in place. */
function Details({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('dialogue');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(false);
    setSaved(true);
  };
  if (editing) return <MeetingForm meeting={meeting} onCancel={() => setEditing(false)} onSaved={done} />;
  return (
    <Paper withBorder p="md">
      {saved && (
        <Alert color="green" role="status" mb="sm">
          {t('form.saved')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <MeetingFacts meeting={meeting} />
        {meeting.mayArrange && (
          <Button
            variant="default"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('meeting.edit')}
          </Button>
        )}
      </Group>
      {/* Once it has begun, the API refuses sign-ups and cancellations: no link to share, and say why. */}
      {meeting.hasBegun ? <Held meeting={meeting} /> : <SignupLink meetingId={meeting.id} />}
    </Paper>
  );
}

function Held({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  return (
    <Alert mt="md" color="gray" role="status" title={t('meeting.heldTitle')}>
      <Text>{t(meeting.mayArrange ? 'meeting.heldArranger' : 'meeting.held', { date: format.dateTime(meeting.startsAt) })}</Text>
    </Alert>
  );
}

function SignupLink({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('dialogue');
  const url = `${window.location.origin}${signupPath(meetingId)}`;
  return (
    <Stack gap={4} mt="md">
      <Text fw={600}>{t('meeting.signupLink')}</Text>
      <Text size="sm" c="gray.7">
        {t('meeting.signupLinkHint')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code style={{ overflowWrap: 'anywhere' }}>{url}</Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} style={{ flexShrink: 0 }}>
              {copied ? t('meeting.copied') : t('meeting.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** Opens or closes the meeting for participants' needs and votes. */
function NeedsSwitch({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('dialogue');
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: async () => {
      const { id, theme, description, startsAt, endsAt, place, link, sectors, facilitator, seats, votesPerParticipant, departmentId, needsOpen } = meeting;
      return unwrap(
        await api.PUT('/api/dialogue-meetings/{id}', {
          params: { path: { id }, header: ifMatch(meeting.version) },
          body: { theme, description, startsAt, endsAt, place, link, sectors, facilitator, seats, votesPerParticipant, departmentId, needsOpen: !needsOpen },
        })
      );
    },
    onSuccess: (updated) => queryClient.setQueryData(keys.meeting(meeting.id), updated),
  });
  return (
    <Paper withBorder p="md">
      <Problem error={toggle.error} areas={['dialogue']} onReload={() => void queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) })} />
      <Group justify="space-between" gap="sm">
        <Text>{meeting.needsOpen ? t('meeting.needsOpen') : t('meeting.needsClosed')}</Text>
        <Button variant="default" onClick={() => toggle.mutate()} loading={toggle.isPending}>
          {meeting.needsOpen ? t('meeting.closeNeeds') : t('meeting.openNeeds')}
        </Button>
      </Group>
    </Paper>
  );
}

function Needs({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('dialogue');
  const needs = useNeeds(meeting.id);
  const user = useUser();
  const drafts = hasRole(user, 'department_member');
  return (
    <section aria-labelledby="needs-title">
      <Title order={2} size="h3" id="needs-title" mb="sm">
        {t('meeting.needsTitle')}
      </Title>
      <QueryState query={needs}>
        {(items) => {
          const { standing, merged } = sortedNeeds(items);
          if (!standing.length) return <Text>{t('meeting.needsEmpty')}</Text>;
          return (
            <Stack gap="sm">
              {standing.map((need) => (
                <StandingNeed key={need.id} meeting={meeting} need={need} others={standing.filter((other) => other.id !== need.id)} drafts={drafts} />
              ))}
              {merged.map((need) => (
                <NeedCard key={need.id} need={need} mergedIntoTitle={items.find((other) => other.id === need.mergedIntoId)?.title ?? ''} />
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}

/** A need that stands, with what the caller may do to it; its arrangers correct its words in place. */
function StandingNeed({ meeting, need, others, drafts }: { meeting: Meeting; need: Need; others: Need[]; drafts: boolean }) {
  const { t } = useTranslation('dialogue');
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Paper withBorder p="md" component="article" aria-labelledby={`edit-${need.id}`}>
        <Title order={3} size="h4" id={`edit-${need.id}`}>
          {t('need.editTitle')}
        </Title>
        <NeedTextForm meetingId={meeting.id} need={need} onDone={() => setEditing(false)} />
      </Paper>
    );
  }
  const edit = meeting.mayArrange && (
    <Button variant="default" onClick={() => setEditing(true)} aria-label={t('need.editLabel', { title: need.title })}>
      {t('need.edit')}
    </Button>
  );
  return (
    <NeedCard need={need}>
      {need.challengeId ? (
        <Group gap="xs">
          <Badge color="green" variant="light" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
            {t('need.hasChallenge')}
          </Badge>
          {drafts && (
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/challenges/$challengeId" params={{ challengeId: need.challengeId as string }} />}>
              {t('need.openChallenge')}
            </Anchor>
          )}
          {edit}
        </Group>
      ) : (
        <NeedActions meetingId={meeting.id} need={need} others={others} arranges={meeting.mayArrange} drafts={drafts} edit={edit} />
      )}
    </NeedCard>
  );
}

function NeedActions({ meetingId, need, others, arranges, drafts, edit }: { meetingId: string; need: Need; others: Need[]; arranges: boolean; drafts: boolean; edit: ReactNode }) {
  const { t } = useTranslation('dialogue');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const departments = useMyDepartments();
  const [into, setInto] = useState<string | null>(null);
  const mine = departments.data ?? [];
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const owner = departmentId ?? (need.departmentId && mine.some((d) => d.id === need.departmentId) ? need.departmentId : (mine[0]?.id ?? null));
  const merge = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/dialogue-meetings/{id}/needs/{needId}/merge', { params: { path: { id: meetingId, needId: need.id } }, body: { intoNeedId: into as string } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.needs(meetingId) }),
  });
  const draft = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/dialogue-meetings/{id}/needs/{needId}/challenge', { params: { path: { id: meetingId, needId: need.id } }, body: { departmentId: owner ?? undefined } })),
    onSuccess: async (challenge) => {
      await queryClient.invalidateQueries({ queryKey: keys.needs(meetingId) });
      await navigate({ to: '/challenges/$challengeId', params: { challengeId: challenge.id } });
    },
  });
  return (
    <Stack gap="xs" mt="xs">
      <Problem error={merge.error ?? draft.error} areas={['dialogue']} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        {arranges && others.length > 0 && (
          <>
            <Select label={t('need.merge')} data={others.map((other) => ({ value: other.id, label: other.title }))} value={into} onChange={setInto} w={{ base: '100%', sm: 320 }} />
            <Button variant="default" disabled={!into} loading={merge.isPending} onClick={() => merge.mutate()}>
              {t('need.mergeSubmit')}
            </Button>
          </>
        )}
        {drafts && mine.length > 1 && (
          <Select label={t('need.draftDepartment')} data={mine.map((d) => ({ value: d.id, label: d.name }))} value={owner} onChange={setDepartmentId} allowDeselect={false} w={{ base: '100%', sm: 260 }} />
        )}
        {drafts && (
          <Button onClick={() => draft.mutate()} loading={draft.isPending} disabled={!owner}>
            {t('need.draft')}
          </Button>
        )}
        {edit}
      </Group>
    </Stack>
  );
}

function Signups({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('dialogue');
  const signups = useSignups(meetingId, true);
  const queryClient = useQueryClient();
  const attendance = useMutation({
    mutationFn: async ({ signupId, attended }: { signupId: string; attended: boolean }) =>
      unwrap(await api.PUT('/api/dialogue-meetings/{id}/signups/{signupId}/attendance', { params: { path: { id: meetingId, signupId } }, body: { attended } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.signups(meetingId) }),
  });
  return (
    <section aria-labelledby="signups-title">
      <Title order={2} size="h3" id="signups-title" mb="sm">
        {t('meeting.signupsTitle')}
      </Title>
      <Problem error={attendance.error} areas={['dialogue']} />
      <QueryState query={signups}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('meeting.signupsEmpty')}</Text>
          ) : (
            <CaptionedTable caption={t('meeting.signupsCaption')} minWidth={640} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('meeting.name')}</Table.Th>
                  <Table.Th scope="col">{t('meeting.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('meeting.sector')}</Table.Th>
                  <Table.Th scope="col">{t('meeting.status')}</Table.Th>
                  <Table.Th scope="col">{t('meeting.attended')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((signup) => (
                  <Table.Tr key={signup.id}>
                    <Table.Th scope="row" fw={500}>
                      {signup.name}
                    </Table.Th>
                    <Table.Td>{signup.organisation}</Table.Td>
                    <Table.Td>{t(`sectors.${signup.sector}`)}</Table.Td>
                    <Table.Td>{t(`meeting.statuses.${signup.status}`)}</Table.Td>
                    <Table.Td>
                      {signup.status === 'confirmed' && (
                        <Checkbox
                          aria-label={t('meeting.attendedLabel', { name: signup.name })}
                          checked={signup.attended ?? false}
                          onChange={(event) => attendance.mutate({ signupId: signup.id, attended: event.currentTarget.checked })}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </CaptionedTable>
          )
        }
      </QueryState>
    </section>
  );
}
