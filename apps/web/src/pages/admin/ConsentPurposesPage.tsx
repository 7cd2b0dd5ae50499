import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ConsentPurposesPage() {
  const { t } = useTranslation('admin');
  return <PageTitle>{t('consentPurposes.title')}</PageTitle>;
}
