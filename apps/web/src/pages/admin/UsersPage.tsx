import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { Invitations } from '@web/pages/invitations/Invitations';
import { InviteDialog } from './InviteDialog';
import { fetchUsers, keys, ROLES, USER_STATUSES, type Role, type User, type UserStatus } from './queries';
import { UserStatusBadge } from './UserStatusBadge';

const route = getRouteApi('/admin/users');

/** Every account, found by name, role and status, each with its roles and the way to switch it off and on. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const search = route.useSearch();
  const [inviting, setInviting] = useState(Boolean(search.invite));
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserStatus | null>(search.status ?? null);
  const [changed, setChanged] = useState<string>();
  return (
    <>
      <PageTitle intro={t('users.intro')}>{t('users.title')}</PageTitle>
      <Stack gap="lg">
        <Button onClick={() => setInviting(true)} style={{ alignSelf: 'flex-start' }}>
          {t('invite.open')}
        </Button>
        <InviteDialog opened={inviting} onClose={() => setInviting(false)} />
        <Invitations scope="all" />
        <Title order={2} size="h3">
          {t('users.accounts')}
        </Title>
        <Group align="flex-end" gap="md" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput type="search" label={t('users.search')} description={t('users.searchHint')} value={text} onChange={(event) => setText(event.currentTarget.value)} miw={220} />
          <Select
            label={t('users.role')}
            data={[{ value: '', label: t('users.allRoles') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`, { ns: 'common' }) }))]}
            value={role ?? ''}
            onChange={(value) => setRole(value ? (value as Role) : null)}
            allowDeselect={false}
            miw={180}
          />
          <Select
            label={t('users.status')}
            data={[{ value: '', label: t('users.allStatuses') }, ...USER_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))]}
            value={status ?? ''}
            onChange={(value) => setStatus(value ? (value as UserStatus) : null)}
            allowDeselect={false}
            miw={160}
          />
        </Group>
        <div aria-live="polite">
          {changed && (
            <Alert color="green" role="status">
              {changed}
            </Alert>
          )}
        </div>
        <CursorList
          queryKey={[...keys.users, 'list', q, role, status]}
          fetchPage={(cursor) => fetchUsers({ cursor, limit: 20, q: q || undefined, role: role ?? undefined, status: status ?? undefined })}
          itemKey={(user) => user.id}
          empty={q || role || status ? t('users.emptySearch') : t('users.empty')}
          renderItem={(user) => <UserPanel user={user} onChanged={setChanged} />}
        />
      </Stack>
    </>
  );
}

function UserPanel({ user, onChanged }: { user: User; onChanged: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const me = useUser();
  const [changing, setChanging] = useState(false);
  const headingId = `user-${user.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs" align="flex-start">
        <div>
          <Text component="h3" id={headingId} fw={600} size="lg" m={0}>
            {user.displayName}
            {user.id === me.id && ` (${t('users.you')})`}
          </Text>
          <Text style={{ overflowWrap: 'anywhere' }}>{user.email}</Text>
        </div>
        <UserStatusBadge status={user.status} />
      </Group>
      {user.roles.length ? (
        <Group gap="xs" mt="xs" aria-label={t('users.roles')} role="list">
          {user.roles.map((role) => (
            <Badge key={role} role="listitem" variant="outline" color="gray.8" radius="sm" tt="none">
              {t(`roles.${role}`, { ns: 'common' })}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" mt="xs">
          {t('users.noRoles')}
        </Text>
      )}
      <Text size="sm" c="gray.7" mt="xs">
        {t('users.since', { when: format.date(user.createdAt) })}
      </Text>
      <Group gap="sm" mt="sm">
        {user.status !== 'erased' && (
          <Button variant="default" size="sm" color={user.status === 'active' ? 'red' : undefined} onClick={() => setChanging(true)}>
            {user.status === 'active' ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        )}
        <Anchor renderRoot={(props) => <Link {...props} to="/admin/audit" search={{ actorId: user.id }} />} size="sm">
          {t('users.events', { name: user.displayName })}
        </Anchor>
      </Group>
      <StatusDialog user={user} opened={changing} onClose={() => setChanging(false)} onChanged={onChanged} />
    </Paper>
  );
}

/** Deactivating or reactivating one account, with an optional reason for the audit trail. */
function StatusDialog({ user, opened, onClose, onChanged }: { user: User; opened: boolean; onClose: () => void; onChanged: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const deactivating = user.status === 'active';
  const change = useMutation({
    mutationFn: async () => {
      const options = { params: { path: { id: user.id } }, body: { reason: reason.trim() || undefined } };
      return unwrap(deactivating ? await api.POST('/api/users/{id}/deactivate', options) : await api.POST('/api/users/{id}/reactivate', options));
    },
    onSuccess: async (changed) => {
      onClose();
      setReason('');
      onChanged(t(changed.status === 'active' ? 'status.reactivated' : 'status.deactivated', { name: changed.displayName }));
      await queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t(deactivating ? 'status.deactivateTitle' : 'status.reactivateTitle', { name: user.displayName })} closeButtonProps={{ 'aria-label': common('close') }} centered>
      <Problem error={change.error} areas={['admin']} />
      <Text mb="md">{t(deactivating ? 'status.deactivateBody' : 'status.reactivateBody', { name: user.displayName })}</Text>
      <Textarea label={t('status.reason')} description={t('status.reasonHint')} maxLength={1000} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} mb="md" />
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {common('cancel')}
        </Button>
        <Button color={deactivating ? 'red' : undefined} onClick={() => change.mutate()} loading={change.isPending}>
          {deactivating ? t('users.deactivate') : t('users.reactivate')}
        </Button>
      </Group>
    </Modal>
  );
}
