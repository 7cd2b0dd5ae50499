import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, type ParsedLocation } from '@tanstack/react-router';
import type { Role, SessionState } from '@web/auth/session';
import { HomePage } from '@web/pages/HomePage';
import { NotFoundPage } from '@web/pages/NotFoundPage';
import { MyDataPage } from '@web/pages/account/MyDataPage';
import { NotificationsPage } from '@web/pages/account/NotificationsPage';
import { ChallengeEditorPage } from '@web/pages/department/ChallengeEditorPage';
import { ChallengesPage } from '@web/pages/department/ChallengesPage';
import { MatchesPage as ProposalsPage } from '@web/pages/department/MatchesPage';
import { TestEnvironmentsPage } from '@web/pages/department/TestEnvironmentsPage';
import { ApplicationPage } from '@web/pages/entrepreneur/ApplicationPage';
import { CohortsPage } from '@web/pages/entrepreneur/CohortsPage';
import { MatchesPage } from '@web/pages/entrepreneur/MatchesPage';
import { ProfilePage } from '@web/pages/entrepreneur/ProfilePage';
import { AuditPage } from '@web/pages/admin/AuditPage';
import { ConsentPurposesPage } from '@web/pages/admin/ConsentPurposesPage';
import { UsersPage } from '@web/pages/admin/UsersPage';
import { CohortPage } from '@web/pages/manager/CohortPage';
import { ProgrammePage } from '@web/pages/manager/ProgrammePage';
import { ProgrammesPage } from '@web/pages/manager/ProgrammesPage';
import { ChallengeQueuePage } from '@web/pages/matching/ChallengeQueuePage';
import { ChallengeReviewPage } from '@web/pages/matching/ChallengeReviewPage';
import { MatchingPage } from '@web/pages/matching/MatchingPage';
import { MethodCardsPage } from '@web/pages/progress/MethodCardsPage';
import { TracksBoardPage } from '@web/pages/progress/TracksBoardPage';
import { ConfirmEmailPage } from '@web/pages/public/ConfirmEmailPage';
import { InvitationPage } from '@web/pages/public/InvitationPage';
import { LoginPage } from '@web/pages/public/LoginPage';
import { RegisterPage } from '@web/pages/public/RegisterPage';
import { ReviewPage } from '@web/pages/reviewer/ReviewPage';
import { TrackPage } from '@web/pages/tracks/TrackPage';
import { TracksPage } from '@web/pages/tracks/TracksPage';
import { ReviewsPage } from '@web/pages/reviewer/ReviewsPage';
import { ApplicationReviewsPage } from '@web/pages/selection/ApplicationReviewsPage';
import { SelectionPage } from '@web/pages/selection/SelectionPage';
import { Layout } from './Layout';

interface RouterContext {
  session: SessionState;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Layout, notFoundComponent: NotFoundPage });

/** Pages behind sign-in send you to log in and back; `role` narrows them to one role. */
const signedIn =
  (role?: Role) =>
  ({ context, location }: { context: RouterContext; location: ParsedLocation }) => {
    if (context.session.status !== 'signed-in') throw redirect({ to: '/login', search: { redirect: location.href } });
    if (role && !context.session.user.roles.includes(role)) throw redirect({ to: '/' });
  };

/** Only a path on this site, never `//elsewhere`: the redirect comes from the address bar. */
const localPath = (value: unknown): string | undefined => (typeof value === 'string' && /^\/(?!\/)/.test(value) ? value : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const tokenSearch = (search: Record<string, unknown>): { token?: string } => ({ token: typeof search.token === 'string' ? search.token : undefined });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', beforeLoad: signedIn(), component: HomePage });
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search): { redirect?: string } => ({ redirect: localPath(search.redirect) }),
  component: LoginPage,
});
const registerRoute = createRoute({ getParentRoute: () => rootRoute, path: '/register', component: RegisterPage });
const confirmEmailRoute = createRoute({ getParentRoute: () => rootRoute, path: '/confirm-email', validateSearch: tokenSearch, component: ConfirmEmailPage });
const invitationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/invitations/accept', validateSearch: tokenSearch, component: InvitationPage });
const profileRoute = createRoute({ getParentRoute: () => rootRoute, path: '/profile', beforeLoad: signedIn('entrepreneur'), component: ProfilePage });
const cohortsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cohorts', beforeLoad: signedIn('entrepreneur'), component: CohortsPage });
const applicationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cohorts/$cohortId', beforeLoad: signedIn('entrepreneur'), component: ApplicationPage });
const matchesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/matches', beforeLoad: signedIn('entrepreneur'), component: MatchesPage });
// Everyone on a track sees it (the API answers 404 otherwise): the participant, the department, the cohort's managers, admins.
const tracksRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tracks', beforeLoad: signedIn(), component: TracksPage });
const trackRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tracks/$trackId', beforeLoad: signedIn(), component: TrackPage });
const notificationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/notifications', beforeLoad: signedIn(), component: NotificationsPage });
const myDataRoute = createRoute({ getParentRoute: () => rootRoute, path: '/my-data', beforeLoad: signedIn(), component: MyDataPage });

const challengesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/challenges', beforeLoad: signedIn('department_member'), component: ChallengesPage });
const challengeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/challenges/$challengeId', beforeLoad: signedIn('department_member'), component: ChallengeEditorPage });
const environmentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/test-environments', beforeLoad: signedIn('department_member'), component: TestEnvironmentsPage });
const proposalsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/proposals', beforeLoad: signedIn('department_member'), component: ProposalsPage });
const departmentRoutes = [challengesRoute, challengeRoute, environmentsRoute, proposalsRoute];

// The programme manager's workspace lives under /manage: /cohorts and /challenges are the entrepreneur's and the department's.
const programmesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programmes', beforeLoad: signedIn('programme_manager'), component: ProgrammesPage });
const programmeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programmes/$programmeId', beforeLoad: signedIn('programme_manager'), component: ProgrammePage });
const cohortRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/cohorts/$cohortId', beforeLoad: signedIn('programme_manager'), component: CohortPage });
const selectionRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/cohorts/$cohortId/applications', beforeLoad: signedIn('programme_manager'), component: SelectionPage });
const applicationReviewsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/applications/$applicationId', beforeLoad: signedIn('programme_manager'), component: ApplicationReviewsPage });
const challengeQueueRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/challenges', beforeLoad: signedIn('programme_manager'), component: ChallengeQueuePage });
const challengeReviewRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/challenges/$challengeId', beforeLoad: signedIn('programme_manager'), component: ChallengeReviewPage });
const matchingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/cohorts/$cohortId/matching', beforeLoad: signedIn('programme_manager'), component: MatchingPage });
const tracksBoardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/cohorts/$cohortId/tracks', beforeLoad: signedIn('programme_manager'), component: TracksBoardPage });
const impactRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/cohorts/$cohortId/impact',
  beforeLoad: signedIn('programme_manager'),
  // The charting library loads with this page only, not with the rest of the app.
  component: lazyRouteComponent(() => import('@web/pages/progress/ImpactPage'), 'ImpactPage'),
});
const methodCardsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/method-cards', beforeLoad: signedIn('programme_manager'), component: MethodCardsPage });
const managerRoutes = [programmesRoute, programmeRoute, cohortRoute, selectionRoute, applicationReviewsRoute, challengeQueueRoute, challengeReviewRoute, matchingRoute, tracksBoardRoute, impactRoute, methodCardsRoute];

const reviewsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/reviews', beforeLoad: signedIn('reviewer'), component: ReviewsPage });
const reviewRoute = createRoute({ getParentRoute: () => rootRoute, path: '/reviews/$applicationId', beforeLoad: signedIn('reviewer'), component: ReviewPage });
const reviewerRoutes = [reviewsRoute, reviewRoute];

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  beforeLoad: signedIn('admin'),
  validateSearch: (search): { invite?: boolean; status?: 'deactivated' } => ({ invite: search.invite === true || undefined, status: search.status === 'deactivated' ? 'deactivated' : undefined }),
  component: UsersPage,
});
const consentPurposesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/consent-purposes', beforeLoad: signedIn('admin'), component: ConsentPurposesPage });
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  beforeLoad: signedIn('admin'),
  validateSearch: (search): { actorId?: string } => ({ actorId: typeof search.actorId === 'string' && UUID.test(search.actorId) ? search.actorId : undefined }),
  component: AuditPage,
});
const adminRoutes = [usersRoute, consentPurposesRoute, auditRoute];

export const router = createRouter({
  routeTree: rootRoute.addChildren([homeRoute, loginRoute, registerRoute, confirmEmailRoute, invitationRoute, profileRoute, cohortsRoute, applicationRoute, matchesRoute, tracksRoute, trackRoute, notificationsRoute, myDataRoute, ...departmentRoutes, ...managerRoutes, ...reviewerRoutes, ...adminRoutes]),
  context: { session: { status: 'restoring' } },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
