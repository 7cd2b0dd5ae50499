import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useMunicipalities } from '@web/api/reference';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { DepartmentState } from './DepartmentState';
import { ifMatch, keys, useTestEnvironments, type TestEnvironment, type TestEnvironmentInput } from './queries';

/** The department's registry of test environments: list, add, edit. */
export function TestEnvironmentsPage() {
  const { t } = useTranslation('department');
  return (
    <>
      <PageTitle intro={t('environments.intro')}>{t('environments.title')}</PageTitle>
      <DepartmentState>{(department) => <Registry departmentId={department.id} municipalityCode={department.municipalityCode} />}</DepartmentState>
    </>
  );
}

function Registry({ departmentId, municipalityCode }: { departmentId: string; municipalityCode: string }) {
  const { t } = useTranslation('department');
  const environments = useTestEnvironments(departmentId);
  const municipalities = useMunicipalities();
  /** The environment being edited, 'new' for one being added, null for none. */
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(null);
    setSaved(true);
  };
  const start = (id: string) => {
    setSaved(false);
    setEditing(id);
  };
  return (
    <Stack gap="lg">
      {saved && (
        <Alert color="green" role="status">
          {t('environments.saved')}
        </Alert>
      )}
      {editing === 'new' ? (
        <EnvironmentForm departmentId={departmentId} environment={null} defaultMunicipality={municipalityCode} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <Button onClick={() => start('new')} style={{ alignSelf: 'flex-start' }}>
          {t('environments.add')}
        </Button>
      )}
      <QueryState query={environments}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('environments.empty')}</Text>
          ) : (
            <Stack gap="md">
              {items.map((environment) =>
                editing === environment.id ? (
                  <EnvironmentForm key={environment.id} departmentId={departmentId} environment={environment} defaultMunicipality={municipalityCode} onDone={done} onCancel={() => setEditing(null)} />
                ) : (
                  <Paper key={environment.id} withBorder p="md">
                    <Group justify="space-between" align="flex-start" gap="xs">
                      <div>
                        <Title order={2} size="h4">
                          {environment.name}
                        </Title>
                        <Text size="sm" c="gray.7">
                          {[environment.address, municipalities.data?.find((municipality) => municipality.code === environment.municipalityCode)?.name].filter(Boolean).join(', ')}
                        </Text>
                        <Text size="sm">
                          {t('environments.contact', {
                            name: environment.contactName,
                          })}
                        </Text>
                        {!environment.active && (
                          <Text size="sm" fw={600}>
                            {t('environments.retired')}
                          </Text>
                        )}
                      </div>
                      <Button
                        variant="default"
                        onClick={() => start(environment.id)}
                        aria-label={t('environments.editTitle', {
                          name: environment.name,
                        })}
                      >
                        {t('environments.edit')}
                      </Button>
                    </Group>
                    {environment.description && <Text mt="xs">{environment.description}</Text>}
                  </Paper>
                )
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

interface FormProps {
  departmentId: string;
  environment: TestEnvironment | null;
  defaultMunicipality: string;
  onDone: () => void;
  onCancel: () => void;
}

type Form = Omit<TestEnvironmentInput, 'maxParticipants'> & {
  maxParticipants?: number;
};

function EnvironmentForm({ departmentId, environment, defaultMunicipality, onDone, onCancel }: FormProps) {
  const { t } = useTranslation('department');
  const queryClient = useQueryClient();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<Form>({
    name: environment?.name ?? '',
    description: environment?.description ?? '',
    address: environment?.address ?? '',
    municipalityCode: environment?.municipalityCode ?? defaultMunicipality,
    contactName: environment?.contactName ?? '',
    contactEmail: environment?.contactEmail ?? '',
    contactPhone: environment?.contactPhone ?? '',
    availableFrom: environment?.availableFrom ?? '',
    availableTo: environment?.availableTo ?? '',
    maxParticipants: environment?.maxParticipants ?? undefined,
    resources: environment?.resources ?? '',
    consentRules: environment?.consentRules ?? '',
    writtenConsentRequired: environment?.writtenConsentRequired ?? false,
    active: environment?.active ?? true,
  });
  const set = <K extends keyof Form>(name: K, value: Form[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const save = useMutation({
    mutationFn: async () => {
      // Empty optional values are left out rather than sent as invalid ones.
      const body: TestEnvironmentInput = {
        ...form,
        contactEmail: form.contactEmail || undefined,
        availableFrom: form.availableFrom || undefined,
        availableTo: form.availableTo || undefined,
      };
      if (!environment)
        return unwrap(
          await api.POST('/api/departments/{id}/test-environments', {
            params: { path: { id: departmentId } },
            body,
          })
        );
      return unwrap(
        await api.PUT('/api/departments/{id}/test-environments/{envId}', {
          params: {
            path: { id: departmentId, envId: environment.id },
            header: ifMatch(environment.version),
          },
          body,
        })
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: keys.environments(departmentId),
      });
      onDone();
    },
  });
  const reload = async () => {
    save.reset();
    await queryClient.invalidateQueries({
      queryKey: keys.environments(departmentId),
    });
    onCancel();
  };
  const errors = fieldErrors(save.error);
  const labels = {
    name: t('environments.name'),
    description: t('environments.description'),
    address: t('environments.address'),
    municipalityCode: t('environments.municipality'),
    contactName: t('environments.contactName'),
    contactEmail: t('environments.contactEmail'),
    contactPhone: t('environments.contactPhone'),
    availableFrom: t('environments.availableFrom'),
    availableTo: t('environments.availableTo'),
    maxParticipants: t('environments.maxParticipants'),
    resources: t('environments.resources'),
    consentRules: t('environments.consentRules'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const heading = environment ? t('environments.editTitle', { name: environment.name }) : t('environments.addTitle');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-label={heading}>
      <Title order={2} size="h3" mb="md">
        {heading}
      </Title>
      <Problem error={save.error} areas={['department']} labels={labels} onReload={() => void reload()} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput id={fieldId('name')} label={labels.name} required maxLength={200} value={form.name} onChange={(event) => set('name', event.currentTarget.value)} error={errors.name} />
          <Textarea
            id={fieldId('description')}
            label={labels.description}
            autosize
            minRows={2}
            maxLength={5000}
            value={form.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput id={fieldId('address')} label={labels.address} maxLength={500} value={form.address} onChange={(event) => set('address', event.currentTarget.value)} error={errors.address} />
            <Select
              id={fieldId('municipalityCode')}
              label={labels.municipalityCode}
              required
              data={(municipalities.data ?? []).map((municipality) => ({
                value: municipality.code,
                label: municipality.name,
              }))}
              searchable
              value={form.municipalityCode}
              onChange={(value) => set('municipalityCode', value ?? '')}
              error={errors.municipalityCode}
            />
            <TextInput
              id={fieldId('contactName')}
              label={labels.contactName}
              required
              maxLength={200}
              value={form.contactName}
              onChange={(event) => set('contactName', event.currentTarget.value)}
              error={errors.contactName}
            />
            <TextInput
              id={fieldId('contactEmail')}
              type="email"
              label={labels.contactEmail}
              maxLength={254}
              value={form.contactEmail}
              onChange={(event) => set('contactEmail', event.currentTarget.value)}
              error={errors.contactEmail}
            />
            <TextInput
              id={fieldId('contactPhone')}
              type="tel"
              label={labels.contactPhone}
              maxLength={40}
              value={form.contactPhone}
              onChange={(event) => set('contactPhone', event.currentTarget.value)}
              error={errors.contactPhone}
            />
            <NumberInput
              id={fieldId('maxParticipants')}
              label={labels.maxParticipants}
              min={1}
              max={100000}
              allowDecimal={false}
              value={form.maxParticipants ?? ''}
              onChange={(value) => set('maxParticipants', typeof value === 'number' ? value : undefined)}
              error={errors.maxParticipants}
            />
            <TextInput
              id={fieldId('availableFrom')}
              type="date"
              label={labels.availableFrom}
              value={form.availableFrom}
              onChange={(event) => set('availableFrom', event.currentTarget.value)}
              error={errors.availableFrom}
            />
            <TextInput
              id={fieldId('availableTo')}
              type="date"
              label={labels.availableTo}
              value={form.availableTo}
              onChange={(event) => set('availableTo', event.currentTarget.value)}
              error={errors.availableTo}
            />
          </SimpleGrid>
          <Textarea
            id={fieldId('resources')}
            label={labels.resources}
            description={t('environments.resourcesHint')}
            autosize
            minRows={2}
            maxLength={5000}
            value={form.resources}
            onChange={(event) => set('resources', event.currentTarget.value)}
            error={errors.resources}
          />
          <Textarea
            id={fieldId('consentRules')}
            label={labels.consentRules}
            autosize
            minRows={2}
            maxLength={5000}
            value={form.consentRules}
            onChange={(event) => set('consentRules', event.currentTarget.value)}
            error={errors.consentRules}
          />
          <Checkbox label={t('environments.writtenConsentRequired')} checked={form.writtenConsentRequired ?? false} onChange={(event) => set('writtenConsentRequired', event.currentTarget.checked)} />
          <Checkbox label={t('environments.active')} checked={form.active ?? true} onChange={(event) => set('active', event.currentTarget.checked)} />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('environments.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('cancel', { ns: 'common' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
