import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function TracksBoardPage() {
  const { t } = useTranslation('progress');
  return <PageTitle>{t('tracksBoard.title')}</PageTitle>;
}
