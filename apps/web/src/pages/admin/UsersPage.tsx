import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function UsersPage() {
  const { t } = useTranslation('admin');
  return <PageTitle>{t('users.title')}</PageTitle>;
}
