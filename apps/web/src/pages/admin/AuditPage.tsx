import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function AuditPage() {
  const { t } = useTranslation('admin');
  return <PageTitle>{t('audit.title')}</PageTitle>;
}
