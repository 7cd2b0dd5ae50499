import { Alert, Button, Group, List, Modal, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { session } from '@web/auth/session';
import { saveFile } from '@web/components/download';
import { PageTitle } from '@web/components/PageTitle';
import { PasswordField } from '@web/components/PasswordField';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';

type Consent = Schemas['ConsentView'];
const consentsKey = ['me', 'consents'] as const;

/** "Mina uppgifter": consents, the export of everything held about me, and erasure. */
export function MyDataPage() {
  const { t } = useTranslation('account');
  return (
    <>
      <PageTitle intro={t('myData.intro')}>{t('myData.title')}</PageTitle>
      <Stack gap="lg">
        <Consents />
        <Export />
        <Erase />
      </Stack>
    </>
  );
}

function Consents() {
  const { t } = useTranslation('account');
  const consents = useQuery({ queryKey: consentsKey, queryFn: async () => unwrap(await api.GET('/api/me/consents')) });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="consents-heading">
      <Title order={2} size="h3" id="consents-heading" mb="sm">
        {t('myData.consents')}
      </Title>
      <QueryState query={consents}>
        {(items) => (items.length === 0 ? <Text>{t('myData.consentsEmpty')}</Text> : <Stack gap="md">{items.map((consent) => <ConsentItem key={consent.purpose} consent={consent} />)}</Stack>)}
      </QueryState>
    </Paper>
  );
}

function ConsentItem({ consent }: { consent: Consent }) {
  const { t, i18n } = useTranslation('account');
  const format = useFormat();
  const queryClient = useQueryClient();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const decide = useMutation({
    mutationFn: async (given: boolean) =>
      unwrap(await api.PUT('/api/me/consents/{purpose}', { params: { path: { purpose: consent.purpose } }, body: { given, textVersion: consent.textVersion } })),
    onSuccess: (saved) => queryClient.setQueryData<Consent[]>(consentsKey, (old) => old?.map((item) => (item.purpose === saved.purpose ? saved : item))),
  });
  const title = consent.title?.[language] ?? consent.purpose;
  const outdated = consent.given !== null && consent.answeredTextVersion !== consent.textVersion;
  const state = consent.given === null ? t('myData.consentNever') : consent.given ? t('myData.consentGiven', { when: format.date(consent.decidedAt ?? '') }) : t('myData.consentWithdrawn', { when: format.date(consent.decidedAt ?? '') });
  return (
    <div>
      <Title order={3} size="h4">
        {title}
      </Title>
      {consent.text && <Text mt={4}>{consent.text[language]}</Text>}
      <Text size="sm" c="gray.7" mt={4}>
        {state} · {t('myData.textVersion', { version: consent.textVersion })}
      </Text>
      {outdated && (
        <Alert color="yellow" mt="xs">
          {t('myData.consentOutdated')}
        </Alert>
      )}
      <Problem error={decide.error} areas={['account']} onReload={() => void queryClient.invalidateQueries({ queryKey: consentsKey })} />
      <Switch
        mt="xs"
        label={t('myData.consentSwitch', { title })}
        checked={consent.given === true && !outdated}
        disabled={decide.isPending}
        onChange={(event) => decide.mutate(event.currentTarget.checked)}
      />
    </div>
  );
}

function Export() {
  const { t } = useTranslation('account');
  const download = useMutation({
    mutationFn: async () => {
      const data = unwrap(await api.GET('/api/me/export'));
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `samverka-mina-uppgifter-${new Date().toISOString().slice(0, 10)}.json`);
    },
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="export-heading">
      <Title order={2} size="h3" id="export-heading" mb="sm">
        {t('myData.export')}
      </Title>
      <Text mb="sm">{t('myData.exportBody')}</Text>
      <Problem error={download.error} />
      <div aria-live="polite">
        {download.isSuccess && (
          <Alert color="green" role="status" mb="sm">
            {t('myData.exported')}
          </Alert>
        )}
      </div>
      <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
        {t('myData.download')}
      </Button>
    </Paper>
  );
}

function Erase() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/me', { body: { password } })),
    onSuccess: async () => {
      dialog.close();
      await session.logout().catch(() => undefined);
      await navigate({ to: '/login' });
    },
  });
  const errors = fieldErrors(erase.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    erase.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="erase-heading">
      <Title order={2} size="h3" id="erase-heading" mb="sm">
        {t('myData.erase')}
      </Title>
      <Text mb="xs">{t('myData.eraseIntro')}</Text>
      <Button color="red" variant="outline" onClick={dialog.open}>
        {t('myData.eraseOpen')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('myData.eraseTitle')} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }} centered size="lg">
        <form onSubmit={onSubmit} noValidate>
          <Text fw={600}>{t('myData.eraseWhat')}</Text>
          <List mb="md" mt="xs" size="sm">
            <List.Item>{t('myData.eraseAccount')}</List.Item>
            <List.Item>{t('myData.eraseWritten')}</List.Item>
            <List.Item>{t('myData.eraseLearnings')}</List.Item>
            <List.Item>{t('myData.eraseCounts')}</List.Item>
            <List.Item>{t('myData.eraseMail')}</List.Item>
          </List>
          <Problem error={erase.error} areas={['account']} labels={{ password: t('myData.password') }} />
          <PasswordField id="field-password" label={t('myData.password')} description={t('myData.passwordHint')} required value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={errors.password} autoComplete="current-password" mb="md" />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('cancel', { ns: 'common' })}
            </Button>
            <Button type="submit" color="red" loading={erase.isPending}>
              {t('myData.eraseConfirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Paper>
  );
}
