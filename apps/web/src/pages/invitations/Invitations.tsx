import { Alert, Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { CaptionedTable } from '@web/components/CaptionedTable';
import { keys, type PendingInvitation } from './queries';

/** The invitations not yet accepted, with the way to take one back (a wrong address, a changed mind). */
export function PendingInvitations() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [revoking, setRevoking] = useState<PendingInvitation>();
  const [message, setMessage] = useState<string>();
  const scopeOf = (invitation: PendingInvitation) => invitation.departmentName ?? invitation.cohortName ?? invitation.programmeName ?? '—';
  return (
    <section aria-labelledby="pending-invitations">
      <Title order={2} id="pending-invitations" size="h3" mb="sm">
        {t('invitations.title')}
      </Title>
      <div aria-live="polite">
        {message && (
          <Alert color="green" role="status" mb="sm">
            {message}
          </Alert>
        )}
      </div>
      <CursorList
        queryKey={keys.invitations}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/invitations', { params: { query: { cursor, limit: 20 } } }))}
        empty={t('invitations.empty')}
        renderItems={(invitations) => (
          <CaptionedTable caption={t('invitations.caption')} minWidth={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invite.email')}</Table.Th>
                <Table.Th scope="col">{t('invite.role')}</Table.Th>
                <Table.Th scope="col">{t('invitations.scope')}</Table.Th>
                <Table.Th scope="col">{t('invitations.invitedBy')}</Table.Th>
                <Table.Th scope="col">{t('invitations.sent')}</Table.Th>
                <Table.Th scope="col">{t('invitations.expires')}</Table.Th>
                <Table.Th scope="col">{t('invitations.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Table.Td>
                  <Table.Td>{t(`roles.${invitation.role}`, { ns: 'common' })}</Table.Td>
                  <Table.Td>{scopeOf(invitation)}</Table.Td>
                  <Table.Td>{invitation.invitedByName ?? '—'}</Table.Td>
                  <Table.Td>{format.date(invitation.createdAt)}</Table.Td>
                  <Table.Td>{format.dateTime(invitation.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" color="red" onClick={() => setRevoking(invitation)} aria-label={t('invitations.revokeFor', { email: invitation.email })}>
                      {t('invitations.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </CaptionedTable>
        )}
      />
      {revoking && <RevokeDialog invitation={revoking} onClose={() => setRevoking(undefined)} onDone={setMessage} />}
    </section>
  );
}

/** Asks before revoking; one already used or revoked meanwhile just leaves the (refreshed) list. */
function RevokeDialog({ invitation, onClose, onDone }: { invitation: PendingInvitation; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/invitations/{id}/revoke', { params: { path: { id: invitation.id } } })),
    onSettled: (_data, error) => {
      const gone = error instanceof ApiError && error.status === 409;
      if (error && !gone) return;
      onDone(t(gone ? 'invitations.gone' : 'invitations.revoked', { email: invitation.email }));
      onClose();
      void queryClient.invalidateQueries({ queryKey: keys.invitations });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('invitations.revokeTitle')} closeButtonProps={{ 'aria-label': common('close') }} centered>
      <Problem error={revoke.error} areas={['admin']} />
      <Text mb="md">{t('invitations.revokeBody', { email: invitation.email })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {common('cancel')}
        </Button>
        <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
          {t('invitations.revoke')}
        </Button>
      </Group>
    </Modal>
  );
}
