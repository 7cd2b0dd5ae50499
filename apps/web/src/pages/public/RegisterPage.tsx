import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { PasswordField } from '@web/components/PasswordField';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import type { Language } from '@web/i18n';

export function RegisterPage() {
  const { t, i18n } = useTranslation('auth');
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const register = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/register', { body: { ...form, preferredLanguage: i18n.language as Language } })),
  });
  const errors = fieldErrors(register.error);
  const field = (name: keyof typeof form) => ({
    id: fieldId(name),
    value: form[name],
    error: errors[name],
    required: true,
    onChange: (event: { currentTarget: HTMLInputElement }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={520} mx="auto">
      <PageTitle intro={t('register.intro')}>{t('register.title')}</PageTitle>
      {register.isSuccess ? (
        <Alert color="green" role="status" title={t('register.sentTitle')}>
          {t('register.sent', { email: form.email })}
        </Alert>
      ) : (
        <>
          <Problem error={register.error} areas={['auth']} labels={{ displayName: t('displayName'), email: t('email'), password: t('password') }} />
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput label={t('displayName')} description={t('displayNameHint')} autoComplete="name" maxLength={120} {...field('displayName')} />
              <TextInput label={t('email')} type="email" autoComplete="email" {...field('email')} />
              <PasswordField label={t('password')} description={t('passwordHint')} autoComplete="new-password" {...field('password')} />
              <Button type="submit" loading={register.isPending} size="md">
                {t('register.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Text mt="lg">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login">
          {t('login.title')}
        </Anchor>
      </Text>
    </Paper>
  );
}
