import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function MethodCardsPage() {
  const { t } = useTranslation('progress');
  return <PageTitle>{t('methodCards.title')}</PageTitle>;
}
