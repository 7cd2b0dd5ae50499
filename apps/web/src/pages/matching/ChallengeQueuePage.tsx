import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function ChallengeQueuePage() {
  const { t } = useTranslation('matching');
  return <PageTitle>{t('challengeQueue.title')}</PageTitle>;
}
