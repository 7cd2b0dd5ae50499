import { NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@web/components/Problem';
import { NORMED_STAGES, type Cohort, type StageNorms } from './queries';

/** The cohort's settings as the form holds them: dates as the browser's date and time inputs write them. */
export interface CohortSettings {
  name: string;
  startsOn: string;
  endsOn: string;
  applicationOpensAt: string;
  applicationClosesAt: string;
  seats: number | string;
  /** Only when editing: a new cohort starts from the default norms. */
  stageNormDays?: StageNorms;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a local `YYYY-MM-DDTHH:mm`, the value of a datetime-local input. */
function localInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local date and time back as an instant; empty or unreadable is left out, for the API to name. */
function instant(local: string): string | undefined {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

export const settingsOf = (cohort: Cohort | null): CohortSettings => ({
  name: cohort?.name ?? '',
  startsOn: cohort?.startsOn ?? '',
  endsOn: cohort?.endsOn ?? '',
  applicationOpensAt: cohort ? localInput(cohort.applicationOpensAt) : '',
  applicationClosesAt: cohort ? localInput(cohort.applicationClosesAt) : '',
  seats: cohort?.seats ?? 10,
  stageNormDays: cohort?.stageNormDays,
});

/** The settings as the API takes them. */
export const settingsBody = (form: CohortSettings) => ({
  name: form.name,
  startsOn: form.startsOn || undefined,
  endsOn: form.endsOn || undefined,
  applicationOpensAt: instant(form.applicationOpensAt) as string,
  applicationClosesAt: instant(form.applicationClosesAt) as string,
  seats: typeof form.seats === 'number' ? form.seats : (undefined as unknown as number),
  stageNormDays: form.stageNormDays,
});

type SettingsField = Exclude<keyof CohortSettings, 'stageNormDays'>;

/** Each settings field's label by its API name, for naming the fields a problem lists. */
export const useSettingsLabels = (): Record<SettingsField, string> & Record<string, string> => {
  const { t } = useTranslation('manager');
  return {
    ...Object.fromEntries(NORMED_STAGES.map((stage) => [`stageNormDays.${stage}`, t(`settings.stages.${stage}`)])),
    name: t('settings.name'),
    startsOn: t('settings.startsOn'),
    endsOn: t('settings.endsOn'),
    applicationOpensAt: t('settings.opensAt'),
    applicationClosesAt: t('settings.closesAt'),
    seats: t('settings.seats'),
  };
};

interface Props {
  form: CohortSettings;
  onChange: (form: CohortSettings) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

/** Name, period, application window and seats: the same fields when creating and editing a cohort. */
export function CohortSettingsFields({ form, onChange, errors, disabled }: Props) {
  const { t } = useTranslation('manager');
  const labels = useSettingsLabels();
  // The API's two checks across fields, in the page's words; other messages name one field's rule.
  const errorOf = (field: SettingsField): string | undefined =>
    errors[field] && field === 'applicationClosesAt' ? t('settings.closesAfterOpens') : errors[field] && field === 'endsOn' ? t('settings.endsAfterStarts') : errors[field];
  const set = <K extends keyof CohortSettings>(name: K, value: CohortSettings[K]) => onChange({ ...form, [name]: value });
  return (
    <Stack gap="lg">
      <TextInput id={fieldId('name')} label={labels.name} required maxLength={200} disabled={disabled} value={form.name} onChange={(event) => set('name', event.currentTarget.value)} error={errorOf('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput id={fieldId('startsOn')} type="date" label={labels.startsOn} disabled={disabled} value={form.startsOn} onChange={(event) => set('startsOn', event.currentTarget.value)} error={errorOf('startsOn')} />
        <TextInput id={fieldId('endsOn')} type="date" label={labels.endsOn} disabled={disabled} value={form.endsOn} onChange={(event) => set('endsOn', event.currentTarget.value)} error={errorOf('endsOn')} />
        <TextInput
          id={fieldId('applicationOpensAt')}
          type="datetime-local"
          label={labels.applicationOpensAt}
          required
          disabled={disabled}
          value={form.applicationOpensAt}
          onChange={(event) => set('applicationOpensAt', event.currentTarget.value)}
          error={errorOf('applicationOpensAt')}
        />
        <TextInput
          id={fieldId('applicationClosesAt')}
          type="datetime-local"
          label={labels.applicationClosesAt}
          required
          disabled={disabled}
          value={form.applicationClosesAt}
          onChange={(event) => set('applicationClosesAt', event.currentTarget.value)}
          error={errorOf('applicationClosesAt')}
        />
      </SimpleGrid>
      <NumberInput
        id={fieldId('seats')}
        label={labels.seats}
        description={t('settings.seatsHint')}
        required
        min={1}
        max={1000}
        allowDecimal={false}
        maw={240}
        disabled={disabled}
        value={form.seats}
        onChange={(value) => set('seats', value)}
        error={errorOf('seats')}
      />
      {form.stageNormDays && (
        <div role="group" aria-labelledby="stage-norms-heading">
          <Title order={3} size="h4" id="stage-norms-heading">
            {t('settings.norms')}
          </Title>
          <Text size="sm" c="gray.7" mb="sm" maw="65ch">
            {t('settings.normsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {NORMED_STAGES.map((stage) => (
              <NumberInput
                key={stage}
                id={fieldId(`stageNormDays.${stage}`)}
                label={t(`settings.stages.${stage}`)}
                suffix={` ${t('settings.days')}`}
                min={1}
                max={730}
                allowDecimal={false}
                disabled={disabled}
                value={form.stageNormDays?.[stage]}
                onChange={(value) => form.stageNormDays && set('stageNormDays', { ...form.stageNormDays, [stage]: typeof value === 'number' ? value : 1 })}
                error={errors[`stageNormDays.${stage}`]}
              />
            ))}
          </SimpleGrid>
        </div>
      )}
    </Stack>
  );
}
