import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { invitationKeys } from '@web/pages/invitations/queries';
import { keys, useKnownReviewers, useReviewers, type Cohort } from './queries';

/** The cohort's jury: who is on it, adding someone who reviewed before, inviting someone new. */
export function Reviewers({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const jury = useReviewers(cohort.id);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="reviewers-heading">
      <Title order={2} id="reviewers-heading" mb="xs">
        {t('reviewers.title')}
      </Title>
      <Text mb="lg" maw="65ch">
        {t('reviewers.intro')}
      </Text>
      <QueryState query={jury}>
        {(members) =>
          members.length ? (
            <ScrollTable label={t('reviewers.title')} minWidth={300}>
              <Table striped>
                <Table.Caption style={{ color: 'var(--mantine-color-gray-8)' }}>{t('reviewers.caption', { count: members.length, formatted: format.number(members.length) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reviewers.name')}</Table.Th>
                    <Table.Th scope="col">{t('reviewers.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...members]
                    .sort((a, b) => swedishCollator.compare(a.displayName, b.displayName))
                    .map((member) => (
                      <Table.Tr key={member.userId}>
                        <Table.Td>{member.displayName}</Table.Td>
                        <Table.Td>{format.date(member.since)}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          ) : (
            <Text>{t('reviewers.empty')}</Text>
          )
        }
      </QueryState>
      <Stack gap="xl" mt="lg">
        <AddKnown cohort={cohort} juryIds={new Set((jury.data ?? []).map((member) => member.userId))} />
        <Invite cohort={cohort} />
      </Stack>
    </Paper>
  );
}

function AddKnown({ cohort, juryIds }: { cohort: Cohort; juryIds: ReadonlySet<string> }) {
  const { t } = useTranslation('manager');
  const queryClient = useQueryClient();
  const known = useKnownReviewers(cohort.programmeId);
  const [userId, setUserId] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/cohorts/{id}/reviewers', { params: { path: { id: cohort.id } }, body: { userId: id } })),
    onSuccess: async () => {
      setUserId(null);
      await queryClient.invalidateQueries({ queryKey: keys.reviewers(cohort.id) });
    },
  });
  const options = (known.data ?? [])
    .filter((member) => !juryIds.has(member.userId))
    .map((member) => ({ value: member.userId, label: member.displayName }))
    .sort((a, b) => swedishCollator.compare(a.label, b.label));
  if (!options.length) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (userId) add.mutate(userId);
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('reviewers.addKnown')}>
      <Problem error={add.error} areas={['manager']} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('reviewers.addKnown')} description={t('reviewers.addKnownHint')} data={options} value={userId} onChange={setUserId} searchable w={{ base: '100%', xs: 320 }} />
        <Button type="submit" disabled={!userId} loading={add.isPending}>
          {t('reviewers.add')}
        </Button>
      </Group>
    </form>
  );
}

/** A new reviewer is invited by email; they join the jury when they accept. */
function Invite({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/invitations', { body: { email: email.trim(), role: 'reviewer', cohortId: cohort.id } })),
    onSuccess: (invitation) => {
      setSentTo(invitation.email);
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: invitationKeys.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    invite.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('reviewers.invite')}>
      {sentTo && (
        <Alert color="green" role="status" mb="md">
          {t('reviewers.invited', { email: sentTo })}
        </Alert>
      )}
      <Problem error={invite.error} areas={['manager']} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="email"
          label={t('reviewers.invite')}
          description={t('reviewers.inviteHint')}
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors(invite.error).email}
          w={{ base: '100%', xs: 320 }}
        />
        <Button type="submit" variant="default" loading={invite.isPending}>
          {t('reviewers.sendInvite')}
        </Button>
      </Group>
    </form>
  );
}
