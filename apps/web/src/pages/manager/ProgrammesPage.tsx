import { Anchor, Button, Collapse, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { keys, type Programme } from './queries';
import { ProgrammeFields } from './ProgrammeFields';

/** The programmes I manage (an admin sees every one, and may start a new one). */
export function ProgrammesPage() {
  const { t } = useTranslation('manager');
  const user = useUser();
  return (
    <>
      <PageTitle intro={t('programmes.intro')}>{t('programmes.title')}</PageTitle>
      <Stack gap="xl">
        {hasRole(user, 'admin') && <NewProgramme />}
        <CursorList
          queryKey={keys.programmes}
          fetchPage={async (cursor) => unwrap(await api.GET('/api/programmes', { params: { query: { cursor, limit: 20 } } }))}
          itemKey={(programme) => programme.id}
          empty={t('programmes.empty')}
          renderItem={(programme) => <ProgrammeCard programme={programme} />}
        />
      </Stack>
    </>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`programme-${programme.id}`}>
      <Title order={2} size="h3" id={`programme-${programme.id}`}>
        <Anchor inherit renderRoot={(props) => <Link {...props} to="/manage/programmes/$programmeId" params={{ programmeId: programme.id }} />}>{programme.name}</Anchor>
      </Title>
      {programme.description && (
        <Text mt="xs" maw="65ch" lineClamp={3}>
          {programme.description}
        </Text>
      )}
    </Paper>
  );
}

function NewProgramme() {
  const { t } = useTranslation('manager');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, toggle] = useDisclosure(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/programmes', { body: { name, description } })),
    onSuccess: async (programme) => {
      await queryClient.invalidateQueries({ queryKey: keys.programmes });
      await navigate({ to: '/manage/programmes/$programmeId', params: { programmeId: programme.id } });
    },
  });
  const errors = fieldErrors(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div>
      <Button variant={opened ? 'default' : 'filled'} onClick={toggle.toggle} aria-expanded={opened} aria-controls="new-programme">
        {opened ? t('cancel', { ns: 'common' }) : t('programmes.new')}
      </Button>
      <Collapse expanded={opened} id="new-programme">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} mt="md" component="form" onSubmit={onSubmit} noValidate aria-label={t('programmes.new')}>
          <Problem error={create.error} areas={['manager']} labels={{ name: t('programme.name'), description: t('programme.description') }} />
          <Stack gap="lg">
            <ProgrammeFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('programmes.create')}
            </Button>
          </Stack>
        </Paper>
      </Collapse>
    </div>
  );
}
