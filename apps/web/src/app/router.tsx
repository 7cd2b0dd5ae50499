import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, type ParsedLocation } from '@tanstack/react-router';
import type { Role, SessionState } from '@web/auth/session';
import { HomePage } from '@web/pages/HomePage';
import { NotFoundPage } from '@web/pages/NotFoundPage';
import { LoginPage } from '@web/pages/public/LoginPage';
import { Layout } from './Layout';
import { parseSearch, stringifySearch } from './search-params';

// The first pages (log in, home) come with the app; the others are fetched when first visited, or in the background once the first page is up.
const MyDataPage = lazyRouteComponent(() => import('@web/pages/account/MyDataPage'), 'MyDataPage');
const NotificationsPage = lazyRouteComponent(() => import('@web/pages/account/NotificationsPage'), 'NotificationsPage');
const ChallengeEditorPage = lazyRouteComponent(() => import('@web/pages/department/ChallengeEditorPage'), 'ChallengeEditorPage');
const ChallengesPage = lazyRouteComponent(() => import('@web/pages/department/ChallengesPage'), 'ChallengesPage');
const ProposalsPage = lazyRouteComponent(() => import('@web/pages/department/MatchesPage'), 'MatchesPage');
const TestEnvironmentsPage = lazyRouteComponent(() => import('@web/pages/department/TestEnvironmentsPage'), 'TestEnvironmentsPage');
const ApplicationPage = lazyRouteComponent(() => import('@web/pages/entrepreneur/ApplicationPage'), 'ApplicationPage');
const CohortsPage = lazyRouteComponent(() => import('@web/pages/entrepreneur/CohortsPage'), 'CohortsPage');
const MatchesPage = lazyRouteComponent(() => import('@web/pages/entrepreneur/MatchesPage'), 'MatchesPage');
const ProfilePage = lazyRouteComponent(() => import('@web/pages/entrepreneur/ProfilePage'), 'ProfilePage');
const TrackPage = lazyRouteComponent(() => import('@web/pages/tracks/TrackPage'), 'TrackPage');
const TracksPage = lazyRouteComponent(() => import('@web/pages/tracks/TracksPage'), 'TracksPage');
const AuditPage = lazyRouteComponent(() => import('@web/pages/admin/AuditPage'), 'AuditPage');
const ConsentPurposesPage = lazyRouteComponent(() => import('@web/pages/admin/ConsentPurposesPage'), 'ConsentPurposesPage');
const UsersPage = lazyRouteComponent(() => import('@web/pages/admin/UsersPage'), 'UsersPage');
const CohortPage = lazyRouteComponent(() => import('@web/pages/manager/CohortPage'), 'CohortPage');
const ProgrammePage = lazyRouteComponent(() => import('@web/pages/manager/ProgrammePage'), 'ProgrammePage');
const ProgrammesPage = lazyRouteComponent(() => import('@web/pages/manager/ProgrammesPage'), 'ProgrammesPage');
const ChallengeQueuePage = lazyRouteComponent(() => import('@web/pages/matching/ChallengeQueuePage'), 'ChallengeQueuePage');
const ChallengeReviewPage = lazyRouteComponent(() => import('@web/pages/matching/ChallengeReviewPage'), 'ChallengeReviewPage');
const MatchingPage = lazyRouteComponent(() => import('@web/pages/matching/MatchingPage'), 'MatchingPage');
const ImpactPage = lazyRouteComponent(() => import('@web/pages/progress/ImpactPage'), 'ImpactPage');
const SentInvitationsPage = lazyRouteComponent(() => import('@web/pages/invitations/SentInvitationsPage'), 'SentInvitationsPage');
const MethodCardsPage = lazyRouteComponent(() => import('@web/pages/progress/MethodCardsPage'), 'MethodCardsPage');
const PartnerBoardPage = lazyRouteComponent(() => import('@web/pages/partners/PartnerBoardPage'), 'PartnerBoardPage');
const PartnerPostPage = lazyRouteComponent(() => import('@web/pages/partners/PartnerPostPage'), 'PartnerPostPage');
const NewPartnerPostPage = lazyRouteComponent(() => import('@web/pages/partners/PartnerPostEditorPage'), 'NewPartnerPostPage');
const EditPartnerPostPage = lazyRouteComponent(() => import('@web/pages/partners/PartnerPostEditorPage'), 'EditPartnerPostPage');
const TracksBoardPage = lazyRouteComponent(() => import('@web/pages/progress/TracksBoardPage'), 'TracksBoardPage');
const ConfirmEmailPage = lazyRouteComponent(() => import('@web/pages/public/ConfirmEmailPage'), 'ConfirmEmailPage');
const InvitationPage = lazyRouteComponent(() => import('@web/pages/public/InvitationPage'), 'InvitationPage');
const RegisterPage = lazyRouteComponent(() => import('@web/pages/public/RegisterPage'), 'RegisterPage');
const ReviewPage = lazyRouteComponent(() => import('@web/pages/reviewer/ReviewPage'), 'ReviewPage');
const ReviewsPage = lazyRouteComponent(() => import('@web/pages/reviewer/ReviewsPage'), 'ReviewsPage');
const ApplicationReviewsPage = lazyRouteComponent(() => import('@web/pages/selection/ApplicationReviewsPage'), 'ApplicationReviewsPage');
const WhatWeLearnedPage = lazyRouteComponent(() => import('@web/pages/open/WhatWeLearnedPage'), 'WhatWeLearnedPage');
const OpenMethodCardsPage = lazyRouteComponent(() => import('@web/pages/open/OpenMethodCardsPage'), 'OpenMethodCardsPage');
const OpenMethodCardPage = lazyRouteComponent(() => import('@web/pages/open/OpenMethodCardPage'), 'OpenMethodCardPage');
const MethodCardImportsPage = lazyRouteComponent(() => import('@web/pages/admin/MethodCardImportsPage'), 'MethodCardImportsPage');
const SelectionPage = lazyRouteComponent(() => import('@web/pages/selection/SelectionPage'), 'SelectionPage');
const MeetingsPage = lazyRouteComponent(() => import('@web/pages/dialogue/MeetingsPage'), 'MeetingsPage');
const MeetingPage = lazyRouteComponent(() => import('@web/pages/dialogue/MeetingPage'), 'MeetingPage');
const SignUpPage = lazyRouteComponent(() => import('@web/pages/dialogue/SignUpPage'), 'SignUpPage');
const ParticipationPage = lazyRouteComponent(() => import('@web/pages/dialogue/ParticipationPage'), 'ParticipationPage');

interface RouterContext {
  session: SessionState;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Layout, notFoundComponent: NotFoundPage });

/** Pages behind sign-in send you to log in and back; `roles` narrow them to people with one of those roles. */
const signedIn =
  (...roles: Role[]) =>
  ({ context, location }: { context: RouterContext; location: ParsedLocation }) => {
    if (context.session.status !== 'signed-in') throw redirect({ to: '/login', search: { redirect: location.href } });
    const { user } = context.session;
    if (roles.length && !roles.some((role) => user.roles.includes(role))) throw redirect({ to: '/' });
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
// Open data: for everyone, signed in or not.
const openRoute = createRoute({ getParentRoute: () => rootRoute, path: '/open', component: WhatWeLearnedPage });
// Values read from the address are text (see search-params.ts); those a page navigates with keep their type.
/** A code of `digits` digits. */
const codeOf = (value: unknown, digits: number): string | undefined => (typeof value === 'string' && value.length === digits && /^\d+$/.test(value) ? value : undefined);
/** Typed text. */
const textOf = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() && value.length <= max ? value : undefined);
/** A whole number within bounds. */
const intOf = (value: unknown, min: number, max: number): number | undefined => {
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
};
interface OpenCardsSearch {
  q?: string;
  sdg?: number;
  tag?: string;
  county?: string;
  municipality?: string;
  year?: number;
}
const openCardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open/method-cards',
  // The search and filters live in the address, so a search can be shared, reloaded and gone back to; the bounds are the API's.
  validateSearch: (search): OpenCardsSearch => ({
    q: textOf(search.q, 200),
    sdg: intOf(search.sdg, 1, 17),
    tag: textOf(search.tag, 50),
    county: codeOf(search.county, 2),
    municipality: codeOf(search.municipality, 4),
    year: intOf(search.year, 2000, 2100),
  }),
  component: OpenMethodCardsPage,
});
const openCardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open/method-cards/$card',
  // A cited version's page; without it, the card's newest published version.
  validateSearch: (search): { version?: number } => ({ version: intOf(search.version, 1, 999_999_999) }),
  component: OpenMethodCardPage,
});
const openRoutes = [openRoute, openCardsRoute, openCardRoute];
const profileRoute = createRoute({ getParentRoute: () => rootRoute, path: '/profile', beforeLoad: signedIn('entrepreneur'), component: ProfilePage });
const cohortsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cohorts', beforeLoad: signedIn('entrepreneur'), component: CohortsPage });
const applicationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cohorts/$cohortId', beforeLoad: signedIn('entrepreneur'), component: ApplicationPage });
const matchesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/matches', beforeLoad: signedIn('entrepreneur'), component: MatchesPage });
// Everyone on a track sees it (the API answers 404 otherwise): the participant, the department, the cohort's managers, admins.
const tracksRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tracks', beforeLoad: signedIn(), component: TracksPage });
const trackRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tracks/$trackId', beforeLoad: signedIn(), component: TrackPage });
const notificationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/notifications', beforeLoad: signedIn(), component: NotificationsPage });
const myDataRoute = createRoute({ getParentRoute: () => rootRoute, path: '/my-data', beforeLoad: signedIn(), component: MyDataPage });

// The partner board is for everyone signed in, whatever their role.
const partnersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/partners', beforeLoad: signedIn(), component: PartnerBoardPage });
const newPartnerPostRoute = createRoute({ getParentRoute: () => rootRoute, path: '/partners/new', beforeLoad: signedIn(), component: NewPartnerPostPage });
const partnerPostRoute = createRoute({ getParentRoute: () => rootRoute, path: '/partners/$postId', beforeLoad: signedIn(), component: PartnerPostPage });
const editPartnerPostRoute = createRoute({ getParentRoute: () => rootRoute, path: '/partners/$postId/edit', beforeLoad: signedIn(), component: EditPartnerPostPage });
const partnerRoutes = [partnersRoute, newPartnerPostRoute, partnerPostRoute, editPartnerPostRoute];

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
const impactRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/cohorts/$cohortId/impact', beforeLoad: signedIn('programme_manager'), component: ImpactPage });
const methodCardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/method-cards',
  // Admins, who import cards, open the card they imported here.
  beforeLoad: signedIn('programme_manager', 'admin'),
  validateSearch: (search): { card?: string } => ({ card: typeof search.card === 'string' && UUID.test(search.card) ? search.card : undefined }),
  component: MethodCardsPage,
});
const sentInvitationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/invitations', beforeLoad: signedIn('programme_manager'), component: SentInvitationsPage });
const managerRoutes = [programmesRoute, programmeRoute, cohortRoute, selectionRoute, applicationReviewsRoute, challengeQueueRoute, challengeReviewRoute, matchingRoute, tracksBoardRoute, impactRoute, methodCardsRoute, sentInvitationsRoute];

/** Staff who arrange meetings or draft challenges from their needs. */
const arrangesMeetings = ({ context, location }: { context: RouterContext; location: ParsedLocation }) => {
  signedIn()({ context, location });
  if (context.session.status === 'signed-in' && !context.session.user.roles.some((role) => role === 'admin' || role === 'programme_manager' || role === 'department_member')) throw redirect({ to: '/' });
};
const meetingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dialogue', beforeLoad: arrangesMeetings, component: MeetingsPage });
const meetingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dialogue/meetings/$meetingId', beforeLoad: arrangesMeetings, component: MeetingPage });
// Public: people sign up and take part without an account; the personal token is the key.
const signUpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dialogue/sign-up/$meetingId', component: SignUpPage });
const participationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dialogue/participation/$token', component: ParticipationPage });
const dialogueRoutes = [meetingsRoute, meetingRoute, signUpRoute, participationRoute];

const reviewsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/reviews', beforeLoad: signedIn('reviewer'), component: ReviewsPage });
const reviewRoute = createRoute({ getParentRoute: () => rootRoute, path: '/reviews/$applicationId', beforeLoad: signedIn('reviewer'), component: ReviewPage });
const reviewerRoutes = [reviewsRoute, reviewRoute];

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  beforeLoad: signedIn('admin'),
  validateSearch: (search): { invite?: boolean; status?: 'deactivated' } => ({ invite: search.invite === true || search.invite === 'true' || undefined, status: search.status === 'deactivated' ? 'deactivated' : undefined }),
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
const methodCardImportsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/method-card-imports', beforeLoad: signedIn('admin'), component: MethodCardImportsPage });
const adminRoutes = [usersRoute, consentPurposesRoute, auditRoute, methodCardImportsRoute];

export const router = createRouter({
  routeTree: rootRoute.addChildren([homeRoute, loginRoute, registerRoute, confirmEmailRoute, invitationRoute, ...openRoutes, profileRoute, cohortsRoute, applicationRoute, matchesRoute, tracksRoute, trackRoute, notificationsRoute, myDataRoute, ...partnerRoutes, ...departmentRoutes, ...dialogueRoutes, ...managerRoutes, ...reviewerRoutes, ...adminRoutes]),
  context: { session: { status: 'restoring' } },
  parseSearch,
  stringifySearch,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

/** Fetches every page not yet fetched, so that the app keeps working without the network once loaded. */
export function preloadPages(): void {
  for (const route of Object.values(router.routesById)) void (route.options.component as { preload?: () => Promise<void> } | undefined)?.preload?.();
}

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
