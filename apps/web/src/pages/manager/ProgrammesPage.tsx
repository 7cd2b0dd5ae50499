import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ProgrammesPage() {
  const { t } = useTranslation('manager');
  return <PageTitle>{t('programmes.title')}</PageTitle>;
}
