import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ChallengeReviewPage() {
  const { t } = useTranslation('matching');
  return <PageTitle>{t('challengeReview.title')}</PageTitle>;
}
