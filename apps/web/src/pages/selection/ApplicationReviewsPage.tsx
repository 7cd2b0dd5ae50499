import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ApplicationReviewsPage() {
  const { t } = useTranslation('selection');
  return <PageTitle>{t('applicationReviews.title')}</PageTitle>;
}
