import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { fieldId, Problem } from '@web/components/Problem';
import { swedishCollator, useFormat } from '@web/i18n/format';
import { invitationKeys } from '@web/pages/invitations/queries';
import { ROLES, type Role } from './queries';

type Scope = 'programmeId' | 'departmentId' | 'cohortId';

/** The scope each role is invited to: a manager runs a programme, staff belong to a department, a reviewer sits on a cohort's jury. */
const SCOPE_OF: Partial<Record<Role, Scope>> = { programme_manager: 'programmeId', department_member: 'departmentId', reviewer: 'cohortId' };

const byLabel = (a: { label: string }, b: { label: string }) => swedishCollator.compare(a.label, b.label);

/** The choices for a scope, read only once the chosen role needs them. */
function useScopeOptions(scope: Scope | undefined) {
  const { t } = useTranslation('admin');
  const programmes = useQuery({
    queryKey: ['admin', 'invite', 'programmes'],
    queryFn: async () => unwrap(await api.GET('/api/programmes', { params: { query: { limit: 100 } } })).items,
    enabled: scope === 'programmeId' || scope === 'cohortId',
  });
  const departments = useQuery({
    queryKey: ['admin', 'invite', 'departments'],
    queryFn: async () => unwrap(await api.GET('/api/departments', { params: { query: { limit: 100 } } })).items,
    enabled: scope === 'departmentId',
  });
  const cohorts = useQuery({
    queryKey: ['admin', 'invite', 'cohorts'],
    queryFn: async () => unwrap(await api.GET('/api/cohorts', { params: { query: { limit: 100 } } })).items,
    enabled: scope === 'cohortId',
  });
  if (scope === 'programmeId') return (programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })).sort(byLabel);
  if (scope === 'departmentId') return (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })).sort(byLabel);
  if (scope === 'cohortId') {
    const names = new Map((programmes.data ?? []).map((p) => [p.id, p.name]));
    return (cohorts.data ?? [])
      .filter((c) => c.state !== 'completed' && c.state !== 'archived')
      .map((c) => {
        const programme = names.get(c.programmeId);
        return { value: c.id, label: programme ? t('invite.cohortOption', { cohort: c.name, programme }) : c.name };
      })
      .sort(byLabel);
  }
  return [];
}

/** Inviting someone with a role and the scope that role needs; the link is shown once, as the API gives it once. */
export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const format = useFormat();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [scopeId, setScopeId] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: boolean; scope?: boolean }>({});
  const [sent, setSent] = useState<Schemas['InvitationView']>();
  const scope = SCOPE_OF[role];
  const options = useScopeOptions(scope);
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/invitations', { body: { email: email.trim(), role, ...(scope && scopeId ? { [scope]: scopeId } : {}) } })),
    onSuccess: (invitation) => {
      setSent(invitation);
      setEmail('');
      setScopeId(null);
      void queryClient.invalidateQueries({ queryKey: invitationKeys.all });
    },
  });
  const errors = fieldErrors(invite.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = { email: !email.trim(), scope: Boolean(scope) && !scopeId };
    setMissing(next);
    setSent(undefined);
    if (!next.email && !next.scope) invite.mutate();
  };
  const close = () => {
    invite.reset();
    setSent(undefined);
    setMissing({});
    onClose();
  };
  const link = sent ? `${window.location.origin}/invitations/accept?token=${encodeURIComponent(sent.token)}` : '';
  const scopeLabel = scope === 'programmeId' ? t('invite.programme') : scope === 'departmentId' ? t('invite.department') : t('invite.cohort');
  const scopeHint = scope === 'programmeId' ? t('invite.programmeHint') : scope === 'departmentId' ? t('invite.departmentHint') : t('invite.cohortHint');

  return (
    <Modal opened={opened} onClose={close} title={t('invite.title')} closeButtonProps={{ 'aria-label': common('close') }} size="lg" centered>
      <div aria-live="polite">
        {sent && (
          <Alert color="green" role="status" mb="md">
            <Text mb="sm">{t('invite.sent', { email: sent.email, when: format.dateTime(sent.expiresAt) })}</Text>
            <TextInput label={t('invite.link')} description={t('invite.linkHint')} value={link} readOnly onFocus={(event) => event.currentTarget.select()} mb="xs" />
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('invite.copied') : t('invite.copy')}
                </Button>
              )}
            </CopyButton>
          </Alert>
        )}
      </div>
      <Problem error={invite.error} areas={['admin']} />
      <Text mb="md">{t('invite.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            id={fieldId('email')}
            type="email"
            autoComplete="off"
            label={t('invite.email')}
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={missing.email ? t('invite.emailMissing') : errors.email}
          />
          <Select
            id={fieldId('role')}
            label={t('invite.role')}
            required
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`, { ns: 'common' }) }))}
            value={role}
            onChange={(value) => {
              if (!value) return;
              setRole(value as Role);
              setScopeId(null);
            }}
            allowDeselect={false}
          />
          {scope && (
            <Select
              id={fieldId(scope)}
              label={scopeLabel}
              description={scopeHint}
              placeholder={t('invite.choose')}
              required
              searchable
              data={options}
              value={scopeId}
              onChange={setScopeId}
              error={missing.scope ? t('invite.scopeMissing') : errors[scope]}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {common('close')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('invite.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
