import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ReviewPage() {
  const { t } = useTranslation('reviewer');
  return <PageTitle>{t('review.title')}</PageTitle>;
}
