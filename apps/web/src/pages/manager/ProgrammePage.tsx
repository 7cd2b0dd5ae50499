import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ProgrammePage() {
  const { t } = useTranslation('manager');
  return <PageTitle>{t('programme.title')}</PageTitle>;
}
