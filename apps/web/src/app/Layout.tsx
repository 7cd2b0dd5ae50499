import { Box, Burger, Button, Collapse, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '@web/auth/session';
import { hasRole, useSession } from '@web/auth/use-session';
import { LanguageSwitch } from '@web/components/LanguageSwitch';
import { NotificationsLink } from '@web/pages/account/NotificationsLink';

type NavItem = {
  to:
    | '/'
    | '/profile'
    | '/cohorts'
    | '/matches'
    | '/tracks'
    | '/my-data'
    | '/login'
    | '/register'
    | '/challenges'
    | '/test-environments'
    | '/proposals'
    | '/manage/programmes'
    | '/manage/challenges'
    | '/manage/method-cards'
    | '/reviews'
    | '/admin/users'
    | '/admin/consent-purposes'
    | '/admin/audit';
  label: string;
};

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const state = useSession();
  if (state.status !== 'signed-in') {
    return [
      { to: '/login', label: t('nav.logIn') },
      { to: '/register', label: t('nav.register') },
    ];
  }
  const items: NavItem[] = [{ to: '/', label: t('nav.home') }];
  // Each role's pages join here as they are built.
  if (hasRole(state.user, 'entrepreneur')) items.push({ to: '/profile', label: t('nav.profile') }, { to: '/cohorts', label: t('nav.cohorts') });
  if (hasRole(state.user, 'entrepreneur')) items.push({ to: '/matches', label: t('nav.matches') }, { to: '/tracks', label: t('nav.tracks') });
  items.push({ to: '/my-data', label: t('nav.myData') });
  if (hasRole(state.user, 'department_member')) {
    items.push({ to: '/challenges', label: t('nav.challenges', { ns: 'department' }) }, { to: '/test-environments', label: t('nav.environments', { ns: 'department' }) }, { to: '/proposals', label: t('nav.matches', { ns: 'department' }) });
    // One list shows all the tracks a person is on; an entrepreneur already has it as "my track".
    if (!hasRole(state.user, 'entrepreneur')) items.push({ to: '/tracks', label: t('nav.tracks', { ns: 'department' }) });
  }
  if (hasRole(state.user, 'programme_manager')) {
    items.push(
      { to: '/manage/programmes', label: t('programmes.title', { ns: 'manager' }) },
      { to: '/manage/challenges', label: t('challengeQueue.title', { ns: 'matching' }) },
      { to: '/manage/method-cards', label: t('methodCards.title', { ns: 'progress' }) },
    );
  }
  if (hasRole(state.user, 'reviewer')) items.push({ to: '/reviews', label: t('reviews.title', { ns: 'reviewer' }) });
  if (hasRole(state.user, 'admin')) {
    items.push(
      { to: '/admin/users', label: t('users.title', { ns: 'admin' }) },
      { to: '/admin/consent-purposes', label: t('consentPurposes.title', { ns: 'admin' }) },
      { to: '/admin/audit', label: t('audit.title', { ns: 'admin' }) },
    );
  }
  return items;
}

/** The shell of every page: skip link, header with the role's navigation, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const state = useSession();
  const navigate = useNavigate();
  const items = useNavItems();
  const [menuOpen, menu] = useDisclosure(false);
  const closeMenu = menu.close;
  const pathname = useRouterState({ select: (router) => router.location.pathname });
  const firstPath = useRef(pathname);

  // After moving to another page, close the menu and put focus on its heading, as a page load would.
  useEffect(() => {
    closeMenu();
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  }, [pathname, closeMenu]);

  const logOut = async () => {
    await session.logout();
    await navigate({ to: '/login' });
  };

  const links = items.map((item) => (
    <Link key={item.to} to={item.to} className="nav-link" activeOptions={{ exact: item.to === '/' }}>
      {item.label}
    </Link>
  ));

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="lg" wrap="nowrap">
              <Link to="/" className="brand">
                <Group gap={8} wrap="nowrap">
                  <img src="/favicon.svg" alt="" width={28} height={28} />
                  <span>{t('appName')}</span>
                </Group>
              </Link>
              <Box component="nav" aria-label={t('nav.label')} visibleFrom="sm">
                <Group gap={4}>{links}</Group>
              </Box>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {state.status === 'signed-in' && (
                <Box visibleFrom="sm">
                  <NotificationsLink />
                </Box>
              )}
              <LanguageSwitch />
              {state.status === 'signed-in' && (
                <Button variant="default" onClick={logOut} visibleFrom="sm">
                  {t('nav.logOut')}
                </Button>
              )}
              <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="sm" aria-label={menuOpen ? t('nav.close') : t('nav.open')} aria-expanded={menuOpen} aria-controls="mobile-menu" />
            </Group>
          </Group>
          <Collapse expanded={menuOpen} hiddenFrom="sm" id="mobile-menu">
            <Stack component="nav" aria-label={t('nav.label')} gap={4} pt="sm">
              {links}
              {state.status === 'signed-in' && <NotificationsLink />}
              {state.status === 'signed-in' && (
                <Button variant="default" onClick={logOut} mt="xs">
                  {t('nav.logOut')}
                </Button>
              )}
            </Stack>
          </Collapse>
          {state.status === 'signed-in' && (
            <Text size="sm" c="gray.7" mt={4}>
              {t('nav.signedInAs', { name: state.user.displayName })} · {state.user.roles.map((role) => t(`roles.${role}`)).join(', ')}
            </Text>
          )}
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="md" py="xl" px="md" w="100%" style={{ flex: 1 }}>
        <Outlet />
      </Container>
      <Box component="footer" bg="white" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="sm" c="gray.7">
            {t('footer.about')}
          </Text>
          <Text size="sm" c="gray.7">
            {t('footer.accessibility')}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
