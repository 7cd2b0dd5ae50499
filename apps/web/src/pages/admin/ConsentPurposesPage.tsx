import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { fieldId, Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { ifMatch } from '@web/pages/entrepreneur/queries';
import { keys, type ConsentPurpose } from './queries';

/** The purposes people are asked to consent to, each with both wordings, reworded in place. */
export function ConsentPurposesPage() {
  const { t } = useTranslation('admin');
  const purposes = useQuery({ queryKey: keys.consentPurposes, queryFn: async () => unwrap(await api.GET('/api/consent-purposes')) });
  const [saved, setSaved] = useState<string>();
  // One wording is changed at a time, so each field's id (which problems link to) is unique.
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <>
      <PageTitle intro={t('consentPurposes.intro')}>{t('consentPurposes.title')}</PageTitle>
      <div aria-live="polite">
        {saved && (
          <Alert color="green" role="status" mb="lg">
            {saved}
          </Alert>
        )}
      </div>
      <QueryState query={purposes}>
        {(list) =>
          list.length ? (
            <Stack gap="lg">
              {list.map((purpose) => (
                <Purpose
                  key={purpose.key}
                  purpose={purpose}
                  editing={editing === purpose.key}
                  onEdit={() => {
                    setSaved(undefined);
                    setEditing(purpose.key);
                  }}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) setSaved(message);
                  }}
                />
              ))}
            </Stack>
          ) : (
            <Text>{t('consentPurposes.empty')}</Text>
          )
        }
      </QueryState>
    </>
  );
}

function Purpose({ purpose, editing, onEdit, onDone }: { purpose: ConsentPurpose; editing: boolean; onEdit: () => void; onDone: (message?: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const title = titleIn(purpose, i18n.language);
  const headingId = `purpose-${purpose.key}`;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs" align="flex-start" mb="xs">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Badge color={purpose.active ? 'green' : 'gray'} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
          {purpose.active ? t('consentPurposes.active') : t('consentPurposes.inactive')}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7" mb="md">
        {t('consentPurposes.version', { version: purpose.textVersion })}
      </Text>
      {editing ? (
        <RewordForm purpose={purpose} onDone={onDone} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="md">
            <Wording language={t('consentPurposes.swedish')} lang="sv" title={purpose.titleSv} text={purpose.textSv} />
            <Wording language={t('consentPurposes.english')} lang="en" title={purpose.titleEn} text={purpose.textEn} />
          </SimpleGrid>
          <Button variant="default" onClick={onEdit}>
            {t('consentPurposes.edit')}
          </Button>
        </>
      )}
    </Paper>
  );
}

function Wording({ language, lang, title, text }: { language: string; lang: string; title: string; text: string }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.7" tt="uppercase">
        {language}
      </Text>
      <Text fw={600} lang={lang}>
        {title}
      </Text>
      <Text lang={lang} style={{ whiteSpace: 'pre-line' }}>
        {text}
      </Text>
    </div>
  );
}

/** The purpose's title in the page's language. */
const titleIn = (purpose: Pick<ConsentPurpose, 'titleSv' | 'titleEn'>, language: string): string => (language === 'en' ? purpose.titleEn : purpose.titleSv);

type WordingValues = Pick<ConsentPurpose, 'titleSv' | 'titleEn' | 'textSv' | 'textEn' | 'active'>;

function RewordForm({ purpose, onDone }: { purpose: ConsentPurpose; onDone: (message?: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<WordingValues>({ titleSv: purpose.titleSv, titleEn: purpose.titleEn, textSv: purpose.textSv, textEn: purpose.textEn, active: purpose.active });
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/consent-purposes/{key}', { params: { path: { key: purpose.key }, header: ifMatch(purpose.version) }, body: values })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.consentPurposes });
      onDone(t('consentPurposes.saved', { title: titleIn(saved, i18n.language) }));
    },
  });
  const errors = fieldErrors(save.error);
  const labels = { titleSv: t('consentPurposes.titleSv'), titleEn: t('consentPurposes.titleEn'), textSv: t('consentPurposes.textSv'), textEn: t('consentPurposes.textEn') };
  const set = (field: keyof WordingValues) => (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => setValues((previous) => ({ ...previous, [field]: event.currentTarget.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.consentPurposes });
    onDone();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('consentPurposes.editTitle', { title: titleIn(purpose, i18n.language) })}>
      <Problem error={save.error} areas={['admin']} labels={labels} onReload={reload} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="md">
            <TextInput id={fieldId('titleSv')} lang="sv" autoFocus label={labels.titleSv} required maxLength={200} value={values.titleSv} onChange={set('titleSv')} error={errors.titleSv} />
            <Textarea id={fieldId('textSv')} lang="sv" label={labels.textSv} required autosize minRows={4} maxLength={5000} value={values.textSv} onChange={set('textSv')} error={errors.textSv} />
          </Stack>
          <Stack gap="md">
            <TextInput id={fieldId('titleEn')} lang="en" label={labels.titleEn} required maxLength={200} value={values.titleEn} onChange={set('titleEn')} error={errors.titleEn} />
            <Textarea id={fieldId('textEn')} lang="en" label={labels.textEn} required autosize minRows={4} maxLength={5000} value={values.textEn} onChange={set('textEn')} error={errors.textEn} />
          </Stack>
        </SimpleGrid>
        <Switch
          label={t('consentPurposes.activeLabel')}
          description={t('consentPurposes.activeHint')}
          checked={values.active}
          onChange={(event) => {
            const active = event.currentTarget.checked;
            setValues((previous) => ({ ...previous, active }));
          }}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('consentPurposes.save')}
          </Button>
          <Button variant="default" onClick={() => onDone()}>
            {common('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
