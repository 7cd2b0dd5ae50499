import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, getRouteApi, useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@web/api/problem';
import { session } from '@web/auth/session';
import { useSession } from '@web/auth/use-session';
import { PasswordField } from '@web/components/PasswordField';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation('auth');
  const router = useRouter();
  const state = useSession();
  const { redirect } = route.useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => session.login(email, password),
    onSuccess: () => router.history.push(redirect ?? '/'),
  });
  const errors = fieldErrors(login.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={480} mx="auto">
      <PageTitle intro={t('login.intro')}>{t('login.title')}</PageTitle>
      {state.status === 'signed-out' && state.ended && (
        <Alert color="yellow" role="status" mb="md">
          {t('errors.sessionEnded', { ns: 'common' })}
        </Alert>
      )}
      <Problem error={login.error} areas={['auth']} labels={{ email: t('email'), password: t('password') }} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput id={fieldId('email')} label={t('email')} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={errors.email} />
          <PasswordField id={fieldId('password')} label={t('password')} autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={errors.password} />
          <Button type="submit" loading={login.isPending} size="md">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Text mt="lg">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('login.register')}
        </Anchor>
      </Text>
      <Text mt="xs">
        <Anchor component={Link} to="/open">
          {t('nav', { ns: 'open' })}
        </Anchor>
      </Text>
    </Paper>
  );
}
