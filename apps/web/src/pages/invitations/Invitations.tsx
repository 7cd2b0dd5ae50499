import { Alert, Button, Group, Modal, Select, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { CaptionedTable } from '@web/components/CaptionedTable';
import { CursorList } from '@web/components/CursorList';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { invitationKeys, STATUSES, type Invitation, type InvitationStatus } from './queries';

/**
 * The invitations the caller may see by status, the pending ones with the way to take one back
 * (a wrong address, a changed mind). `all`: an admin's section among others, saying who sent
 * each; `own`: a manager's page of their own, its title the page's.
 */
export function Invitations({ scope }: { scope: 'all' | 'own' }) {
  const sender = scope === 'all';
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const [status, setStatus] = useState<InvitationStatus>('pending');
  const [revoking, setRevoking] = useState<Invitation>();
  const [message, setMessage] = useState<string>();
  const scopeOf = (invitation: Invitation) => invitation.departmentName ?? invitation.cohortName ?? invitation.programmeName ?? '—';
  // The one date that tells each status apart: until when it can be used, or when it was used, revoked or ran out.
  const when: Record<InvitationStatus, (invitation: Invitation) => string> = {
    pending: (invitation) => format.dateTime(invitation.expiresAt),
    accepted: (invitation) => (invitation.acceptedAt ? format.dateTime(invitation.acceptedAt) : '—'),
    revoked: (invitation) => (invitation.revokedAt ? format.dateTime(invitation.revokedAt) : '—'),
    expired: (invitation) => format.dateTime(invitation.expiresAt),
  };
  return (
    <section aria-labelledby={sender ? 'invitations-title' : undefined}>
      <Group justify={sender ? 'space-between' : 'flex-end'} align="flex-end" gap="sm" mb="sm">
        {sender && (
          <Title order={2} id="invitations-title" size="h3">
            {t('title')}
          </Title>
        )}
        <Select
          label={t('status')}
          data={STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
          value={status}
          onChange={(value) => {
            if (!value) return;
            setStatus(value as InvitationStatus);
            // A confirmation belongs to the list it was given on.
            setMessage(undefined);
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      <div aria-live="polite">
        {message && (
          <Alert color="green" role="status" mb="sm">
            {message}
          </Alert>
        )}
      </div>
      <CursorList
        queryKey={invitationKeys.list(status)}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/invitations', { params: { query: { status, cursor, limit: 20 } } }))}
        empty={t(`empty.${status}`)}
        renderItems={(invitations) => (
          <CaptionedTable caption={t(`caption.${status}`)} minWidth={sender ? 760 : 640} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('email')}</Table.Th>
                <Table.Th scope="col">{t('role')}</Table.Th>
                <Table.Th scope="col">{t('scope')}</Table.Th>
                {sender && <Table.Th scope="col">{t('invitedBy')}</Table.Th>}
                <Table.Th scope="col">{t('sent')}</Table.Th>
                <Table.Th scope="col">{t(`when.${status}`)}</Table.Th>
                {status === 'pending' && <Table.Th scope="col">{t('actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Table.Td>
                  <Table.Td>{t(`roles.${invitation.role}`, { ns: 'common' })}</Table.Td>
                  <Table.Td>{scopeOf(invitation)}</Table.Td>
                  {sender && <Table.Td>{invitation.invitedByName ?? '—'}</Table.Td>}
                  <Table.Td>{format.date(invitation.createdAt)}</Table.Td>
                  <Table.Td>{when[status](invitation)}</Table.Td>
                  {status === 'pending' && (
                    <Table.Td>
                      <Button size="xs" variant="default" color="red" onClick={() => setRevoking(invitation)} aria-label={t('revokeFor', { email: invitation.email })}>
                        {t('revoke')}
                      </Button>
                    </Table.Td>
                  )}
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
function RevokeDialog({ invitation, onClose, onDone }: { invitation: Invitation; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('invitations');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/invitations/{id}/revoke', { params: { path: { id: invitation.id } } })),
    onSettled: (_data, error) => {
      const gone = error instanceof ApiError && error.status === 409;
      if (error && !gone) return;
      onDone(t(gone ? 'gone' : 'revoked', { email: invitation.email }));
      onClose();
      void queryClient.invalidateQueries({ queryKey: invitationKeys.all });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('revokeTitle')} closeButtonProps={{ 'aria-label': common('close') }} centered>
      <Problem error={revoke.error} />
      <Text mb="md">{t('revokeBody', { email: invitation.email })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {common('cancel')}
        </Button>
        <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
          {t('revoke')}
        </Button>
      </Group>
    </Modal>
  );
}
