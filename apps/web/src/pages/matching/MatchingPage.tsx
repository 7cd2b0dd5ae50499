import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function MatchingPage() {
  const { t } = useTranslation('matching');
  return <PageTitle>{t('matching.title')}</PageTitle>;
}
