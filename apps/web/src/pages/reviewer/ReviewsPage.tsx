import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ReviewsPage() {
  const { t } = useTranslation('reviewer');
  return <PageTitle>{t('reviews.title')}</PageTitle>;
}
