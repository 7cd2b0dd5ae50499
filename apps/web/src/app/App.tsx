import { Center, Loader } from '@mantine/core';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@web/auth/use-session';
import { router } from './router';

export function App() {
  const session = useSession();
  const { t } = useTranslation();
  // Guards read the session from the router's context: re-run them when it changes (not before
  // it is known: loading the routes then would send everyone to the login).
  useEffect(() => {
    if (session.status !== 'restoring') void router.invalidate();
  }, [session]);
  if (session.status === 'restoring') {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  return <RouterProvider router={router} context={{ session }} />;
}
