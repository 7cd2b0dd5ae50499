import { Alert, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@web/api/problem';
import { session } from '@web/auth/session';
import { PasswordField } from '@web/components/PasswordField';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import type { Language } from '@web/i18n';

const route = getRouteApi('/invitations/accept');

export function InvitationPage() {
  const { t, i18n } = useTranslation('auth');
  const navigate = useNavigate();
  const { token } = route.useSearch();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: () => session.acceptInvitation({ token: token ?? '', displayName, password, preferredLanguage: i18n.language as Language }),
    onSuccess: () => navigate({ to: '/' }),
  });
  const errors = fieldErrors(accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={520} mx="auto">
      <PageTitle intro={token ? t('invitation.intro') : undefined}>{t('invitation.title')}</PageTitle>
      {!token ? (
        <Alert color="red" role="alert">
          {t('invitation.missing')}
        </Alert>
      ) : (
        <>
          <Problem error={accept.error} areas={['auth']} labels={{ displayName: t('displayName'), password: t('password') }} />
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput id={fieldId('displayName')} label={t('displayName')} description={t('displayNameHint')} autoComplete="name" required maxLength={120} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} error={errors.displayName} />
              <PasswordField id={fieldId('password')} label={t('password')} description={t('passwordHint')} autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={errors.password} />
              <Button type="submit" loading={accept.isPending} size="md">
                {t('invitation.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </Paper>
  );
}
