import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ImpactPage() {
  const { t } = useTranslation('progress');
  return <PageTitle>{t('impact.title')}</PageTitle>;
}
