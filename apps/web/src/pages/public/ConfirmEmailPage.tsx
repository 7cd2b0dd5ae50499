import { Alert, Anchor, Group, Loader, Paper, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';

const route = getRouteApi('/confirm-email');

/** Opened from the link mailed at sign-up: confirms the address at once. */
export function ConfirmEmailPage() {
  const { t } = useTranslation('auth');
  const { token } = route.useSearch();
  const confirm = useMutation({ mutationFn: async (value: string) => unwrap(await api.POST('/api/auth/confirm-email', { body: { token: value } })) });
  const { mutate } = confirm;
  // A token works once: send it once even when the effect runs twice.
  const sent = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={520} mx="auto">
      <PageTitle>{t('confirm.title')}</PageTitle>
      {!token ? (
        <Alert color="red" role="alert">
          {t('confirm.missing')}
        </Alert>
      ) : confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('confirm.done')}
        </Alert>
      ) : confirm.isError ? (
        <Alert color="red" role="alert">
          {t('confirm.failed')}
        </Alert>
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text>{t('confirm.working')}</Text>
        </Group>
      )}
      <Anchor component={Link} to="/login" mt="lg" display="inline-block">
        {t('confirm.toLogin')}
      </Anchor>
    </Paper>
  );
}
