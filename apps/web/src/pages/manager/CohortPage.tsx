import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function CohortPage() {
  const { t } = useTranslation('manager');
  return <PageTitle>{t('cohort.title')}</PageTitle>;
}
