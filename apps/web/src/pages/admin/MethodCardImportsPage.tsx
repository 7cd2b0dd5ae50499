import { Alert, Anchor, Button, FileInput, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { ApiError, fieldErrors, unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { fieldId, Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';

type Outcome = Schemas['ImportOutcomeView'];
const HOSTS = ['open-import-hosts'];

/** Admins choose the installations to import method cards from, and import them by address or from a file. */
export function MethodCardImportsPage() {
  const { t } = useTranslation('open');
  return (
    <>
      <PageTitle intro={t('imports.intro')}>{t('imports.title')}</PageTitle>
      <Stack gap="xl">
        <Hosts />
        <Import />
      </Stack>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Hosts() {
  const { t } = useTranslation('open');
  const format = useFormat();
  const client = useQueryClient();
  const hosts = useQuery({
    queryKey: HOSTS,
    queryFn: async () => unwrap(await api.GET('/api/open-import-hosts')),
  });
  const [host, setHost] = useState('');
  const allow = useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST('/api/open-import-hosts', { body: { host: name } })),
    onSuccess: async () => {
      setHost('');
      await client.invalidateQueries({ queryKey: HOSTS });
    },
  });
  const remove = useMutation({
    mutationFn: async (name: string) =>
      unwrap(
        await api.DELETE('/api/open-import-hosts/{host}', {
          params: { path: { host: name } },
        })
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: HOSTS }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    allow.mutate(host.trim());
  };
  return (
    <Section id="import-hosts" title={t('imports.hosts')}>
      <Text mb="md">{t('imports.hostsIntro')}</Text>
      <Problem error={allow.error ?? remove.error} areas={['open']} labels={{ host: t('imports.host') }} form="host" />
      <QueryState query={hosts}>
        {(list) =>
          list.length ? (
            <List spacing="xs" mb="md" listStyleType="none" ml={0} pl={0} aria-label={t('imports.hosts')}>
              {list.map((allowed) => (
                <List.Item key={allowed.host}>
                  <Group gap="sm" wrap="nowrap">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {allowed.host}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {t('imports.allowedAt', {
                        date: format.date(allowed.allowedAt),
                      })}
                    </Text>
                    <Button
                      size="xs"
                      variant="default"
                      ml="auto"
                      onClick={() => remove.mutate(allowed.host)}
                      loading={remove.isPending && remove.variables === allowed.host}
                      aria-label={t('imports.remove', { host: allowed.host })}
                    >
                      {t('imports.removeShort')}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text mb="md">{t('imports.noHosts')}</Text>
          )
        }
      </QueryState>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput
            id={fieldId('host', 'host')}
            label={t('imports.host')}
            description={t('imports.hostHint')}
            value={host}
            onChange={(event) => setHost(event.currentTarget.value)}
            error={fieldErrors(allow.error).host}
            required
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={allow.isPending}>
            {t('imports.allow')}
          </Button>
        </Group>
      </form>
    </Section>
  );
}

/** The file's JSON, or undefined when it is not JSON (said in words next to the field). */
async function readJson(file: File): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await file.text());
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function Import() {
  const { t } = useTranslation('open');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const run = useMutation({
    mutationFn: async (body: { url: string } | { document: Record<string, unknown> }) => unwrap(await api.POST('/api/method-cards/imports', { body })).items,
  });
  const fromUrl = (event: FormEvent) => {
    event.preventDefault();
    run.mutate({ url: url.trim() });
  };
  const fromFile = async (event: FormEvent) => {
    event.preventDefault();
    setFileError(undefined);
    if (!file) return setFileError(t('imports.chooseFile'));
    const document = await readJson(file);
    if (!document) return setFileError(t('imports.notJson'));
    run.mutate({ document });
  };
  const errors = fieldErrors(run.error);
  // Why the address was not fetched, in words an admin can act on, next to the address.
  const reason = run.error instanceof ApiError && run.error.problem?.reason ? t(`imports.reasons.${run.error.problem.reason}` as 'imports.reasons.too_slow', { defaultValue: '' }) : '';
  return (
    <Section id="import-cards" title={t('imports.import')}>
      <Text mb="md">{t('imports.importIntro')}</Text>
      <div aria-live="polite">{run.data && <Result outcomes={run.data} />}</div>
      <Problem error={run.error} areas={['open']} labels={{ url: t('imports.url') }} form="import" />
      <Stack gap="lg">
        <form onSubmit={fromUrl} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              id={fieldId('url', 'import')}
              type="url"
              label={t('imports.url')}
              description={t('imports.urlHint')}
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={errors.url ?? (reason || undefined)}
              required
              style={{ flex: '1 1 20rem' }}
            />
            <Button type="submit" loading={run.isPending && 'url' in (run.variables ?? {})}>
              {t('imports.fromUrl')}
            </Button>
          </Group>
        </form>
        <form onSubmit={(event) => void fromFile(event)} noValidate>
          <Group align="flex-end" gap="sm">
            <FileInput label={t('imports.file')} description={t('imports.fileHint')} accept="application/json,.json" value={file} onChange={setFile} error={fileError} style={{ flex: '1 1 20rem' }} />
            <Button type="submit" loading={run.isPending && 'document' in (run.variables ?? {})}>
              {t('imports.fromFile')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Section>
  );
}

function Result({ outcomes }: { outcomes: Outcome[] }) {
  const { t } = useTranslation('open');
  const created = outcomes.filter((outcome) => outcome.created).length;
  return (
    <Alert color="green" role="status" mb="lg" title={created ? t('imports.imported', { count: created }) : t('imports.alreadyImported')}>
      <List size="sm" spacing="xs">
        {outcomes.map((outcome) => (
          <List.Item key={outcome.sourceUrl}>
            <Anchor renderRoot={(props) => <Link {...props} to="/manage/method-cards" search={{ card: outcome.cardId }} />} fw={600} inherit>
              {outcome.title}
            </Anchor>
            {' – '}
            {outcome.created ? t('imports.createdAs', { version: outcome.version }) : t('imports.existed')}
            <Text size="xs" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
              {t('imports.source')}{' '}
              <Anchor href={outcome.sourceUrl} inherit>
                {outcome.sourceUrl}
              </Anchor>
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('imports.whereToFind')}
      </Text>
    </Alert>
  );
}
