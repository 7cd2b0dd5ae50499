import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/PageTitle';
import { Invitations } from './Invitations';

/** A programme manager's own invitations (the jury members they invited), to follow up or take back. */
export function SentInvitationsPage() {
  const { t } = useTranslation('invitations');
  return (
    <>
      <PageTitle intro={t('sentIntro')}>{t('sentTitle')}</PageTitle>
      <Invitations scope="own" />
    </>
  );
}
