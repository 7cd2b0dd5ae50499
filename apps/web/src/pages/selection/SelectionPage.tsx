import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';

export function SelectionPage() {
  const { t } = useTranslation('selection');
  return <PageTitle>{t('selection.title')}</PageTitle>;
}
