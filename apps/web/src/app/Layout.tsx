import { AppShell, Box, Burger, Button, Container, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { session, type Role } from '@web/auth/session';
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
    | '/partners'
    | '/login'
    | '/register'
    | '/open'
    | '/challenges'
    | '/test-environments'
    | '/proposals'
    | '/manage/programmes'
    | '/manage/challenges'
    | '/manage/method-cards'
    | '/manage/invitations'
    | '/dialogue'
    | '/reviews'
    | '/admin/users'
    | '/admin/consent-purposes'
    | '/admin/audit'
    | '/admin/method-card-imports';
  label: string;
};

/** One role's pages; `role` is null for what everyone signed in (or out) has. */
interface NavGroup {
  role: Role | null;
  items: NavItem[];
}

function useNavItems(): NavGroup[] {
  const { t } = useTranslation();
  const state = useSession();
  if (state.status !== 'signed-in') {
    return [
      {
        role: null,
        items: [
          { to: '/login', label: t('nav.logIn') },
          { to: '/register', label: t('nav.register') },
          { to: '/open', label: t('nav', { ns: 'open' }) },
        ],
      },
    ];
  }
  const groups: NavGroup[] = [{ role: null, items: [{ to: '/', label: t('nav.home') }] }];
  const add = (role: Role, ...items: NavItem[]) => hasRole(state.user, role) && groups.push({ role, items });
  add('entrepreneur', { to: '/profile', label: t('nav.profile') }, { to: '/cohorts', label: t('nav.cohorts') }, { to: '/matches', label: t('nav.matches') }, { to: '/tracks', label: t('nav.tracks') });
  add(
    'department_member',
    { to: '/challenges', label: t('nav.challenges', { ns: 'department' }) },
    { to: '/test-environments', label: t('nav.environments', { ns: 'department' }) },
    { to: '/proposals', label: t('nav.matches', { ns: 'department' }) },
    // One list shows all the tracks a person is on; an entrepreneur already has it as "my track".
    ...(hasRole(state.user, 'entrepreneur') ? [] : [{ to: '/tracks' as const, label: t('nav.tracks', { ns: 'department' }) }]),
  );
  add(
    'programme_manager',
    { to: '/manage/programmes', label: t('programmes.title', { ns: 'manager' }) },
    { to: '/manage/challenges', label: t('challengeQueue.title', { ns: 'matching' }) },
    { to: '/manage/method-cards', label: t('methodCards.title', { ns: 'progress' }) },
    { to: '/manage/invitations', label: t('nav', { ns: 'invitations' }) },
  );
  // One entry for everyone who arranges dialogue meetings, under the first of their staff roles.
  const arranger = (['programme_manager', 'department_member', 'admin'] as const).find((role) => hasRole(state.user, role));
  if (arranger) groups.find((group) => group.role === arranger)?.items.push({ to: '/dialogue', label: t('nav.meetings', { ns: 'dialogue' }) });
  add('reviewer', { to: '/reviews', label: t('reviews.title', { ns: 'reviewer' }) });
  add('admin', { to: '/admin/users', label: t('users.title', { ns: 'admin' }) }, { to: '/admin/consent-purposes', label: t('consentPurposes.title', { ns: 'admin' }) }, { to: '/admin/audit', label: t('audit.title', { ns: 'admin' }) }, { to: '/admin/method-card-imports', label: t('imports.title', { ns: 'open' }) });
  groups.push({ role: null, items: [{ to: '/partners', label: t('nav', { ns: 'partners' }) }, { to: '/open', label: t('nav', { ns: 'open' }) }, { to: '/my-data', label: t('nav.myData') }] });
  return groups;
}

/**
 * The shell of every page: skip link; a header with the brand, who is signed in, the
 * notifications, the language and logging out; the pages as a left navbar, grouped by role
 * when a person has several (behind the burger on a phone); main; footer.
 */
export function Layout() {
  const { t } = useTranslation();
  const state = useSession();
  const navigate = useNavigate();
  const groups = useNavItems();
  const [menuOpen, menu] = useDisclosure(false);
  const closeMenu = menu.close;
  // The location once its page is there: a page fetched on first visit arrives after the address changes.
  const pathname = useRouterState({ select: (router) => (router.resolvedLocation ?? router.location).pathname });
  const firstPath = useRef(pathname);
  const signedIn = state.status === 'signed-in';
  const labelled = groups.filter((group) => group.role).length > 1;

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

  return (
    <AppShell header={{ height: { base: signedIn ? 84 : 60, sm: 64 } }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding={0}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <div className="app-header" data-signed-in={signedIn || undefined}>
          <Group gap="xs" wrap="nowrap" className="app-header-brand">
            <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label={menuOpen ? t('nav.close') : t('nav.open')} aria-expanded={menuOpen} aria-controls="app-navbar" />
            <Link to="/" className="brand">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <span>{t('appName')}</span>
              </Group>
            </Link>
          </Group>
          {state.status === 'signed-in' && (
            <Text size="sm" c="gray.7" className="app-header-who" truncate="end">
              {t('nav.signedInAs', { name: state.user.displayName })} · {state.user.roles.map((role) => t(`roles.${role}`)).join(', ')}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap" className="app-header-actions">
            {signedIn && (
              <Box visibleFrom="sm">
                <NotificationsLink />
              </Box>
            )}
            <LanguageSwitch />
            {signedIn && (
              <Button variant="default" onClick={logOut} visibleFrom="sm">
                {t('nav.logOut')}
              </Button>
            )}
          </Group>
        </div>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="sm" className="app-navbar" data-closed={!menuOpen || undefined}>
        <AppShell.Section grow component={ScrollArea} type="auto">
          <nav aria-label={t('nav.label')}>
            <Stack gap="md">
              {groups.map((group, index) => {
                const labelId = group.role && labelled ? `nav-group-${group.role}` : undefined;
                return (
                  <div key={group.role ?? `common-${index}`}>
                    {labelId && group.role && (
                      <Text id={labelId} size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: '0.05em' }}>
                        {t(`roles.${group.role}`)}
                      </Text>
                    )}
                    <Stack component="ul" gap={2} className="nav-list" aria-labelledby={labelId}>
                      {group.items.map((item) => (
                        <li key={item.to}>
                          <Link to={item.to} className="nav-link" activeOptions={{ exact: item.to === '/' }}>
                            {item.label}
                          </Link>
                        </li>
                      ))}
                    </Stack>
                  </div>
                );
              })}
            </Stack>
          </nav>
        </AppShell.Section>
        {signedIn && (
          <AppShell.Section hiddenFrom="sm" pt="sm" className="app-navbar-account">
            <Stack gap="xs">
              <NotificationsLink />
              <Button variant="default" onClick={logOut}>
                {t('nav.logOut')}
              </Button>
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        <Container size="md" py="xl" px="md" w="100%" style={{ flex: 1 }}>
          <Outlet />
        </Container>
        <Box component="footer" bg="white" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="md" px="md">
            <Text size="sm" c="gray.7">
              {t('footer.about')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('footer.accessibility')}
            </Text>
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
