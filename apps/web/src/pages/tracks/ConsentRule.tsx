import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Track } from './tracks';

/** What consent a session in the environment needs, in words: written consent from everyone, where the department requires it. */
export function ConsentRule({ environment }: { environment: Track['testEnvironments'][number] | undefined }) {
  const { t } = useTranslation('tracks');
  if (!environment) return null;
  return (
    <Alert color={environment.writtenConsentRequired ? 'yellow' : 'gray'} variant="light" title={t('plan.consent')}>
      <Text size="sm">{t(environment.writtenConsentRequired ? 'consent.required' : 'consent.notRequired', { environment: environment.name })}</Text>
      {environment.consentRules && (
        <Text size="sm" mt="xs">
          {t('consent.rules', { rules: environment.consentRules })}
        </Text>
      )}
    </Alert>
  );
}
