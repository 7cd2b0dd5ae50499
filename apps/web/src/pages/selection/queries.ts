import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { cohortKey } from '@web/api/cohorts';

export type Scoreboard = Schemas['ScoreboardView'];
export type ScoreRow = Schemas['ScoreboardRowView'];
export type ReviewerFigures = Schemas['ReviewerStatisticsView'];
export type Review = Schemas['ReviewView'];
export type AssignedReviewer = Schemas['AssignedReviewerView'];
export type Cohort = Schemas['CohortView'];
export type Application = Schemas['ApplicationView'];
export type ApplicationState = ScoreRow['state'];
export type Decision = Schemas['DecisionDto']['decision'];

/** The states the scoreboard holds: drafts and withdrawn applications do not compete for a seat. */
export const SELECTION_STATES: ApplicationState[] = ['submitted', 'waitlisted', 'accepted', 'rejected'];

/** The decisions each state allows, as the API's application lifecycle has them. */
export const DECISIONS_FROM: Partial<Record<ApplicationState, Decision[]>> = {
  submitted: ['accept', 'waitlist', 'reject'],
  waitlisted: ['accept', 'reject'],
};

/** Decisions are taken while the cohort selects or runs. */
export const decidesNow = (cohort: Cohort): boolean => cohort.state === 'selecting' || cohort.state === 'running';

export const keys = {
  cohort: cohortKey,
  scoreboard: (cohortId: string) => ['selection', 'scoreboard', cohortId] as const,
  reviewers: (cohortId: string) => ['selection', 'reviewers', cohortId] as const,
  application: (id: string) => ['selection', 'application', id] as const,
  reviews: (id: string) => ['selection', 'application', id, 'reviews'] as const,
  assignedReviewers: (id: string) => ['selection', 'application', id, 'reviewers'] as const,
};

/** Every page of a cursor-paged list, for the few lists a page needs whole (a jury, one application's reviews). */
async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export { useCohort } from '@web/api/cohorts';

/** The whole cohort's scoreboard in one answer: sorting and filtering happen in the browser. */
export const useScoreboard = (cohortId: string | undefined) =>
  useQuery({
    queryKey: keys.scoreboard(cohortId ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}/scoreboard', { params: { path: { id: cohortId ?? '' } } })) as Scoreboard,
    enabled: Boolean(cohortId),
  });

/** The cohort's jury with their names. */
export const useReviewers = (cohortId: string | undefined) =>
  useQuery({
    queryKey: keys.reviewers(cohortId ?? ''),
    queryFn: () =>
      allPages(async (cursor) => unwrap(await api.GET('/api/cohorts/{id}/reviewers', { params: { path: { id: cohortId ?? '' }, query: { limit: 100, cursor } } }))),
    enabled: Boolean(cohortId),
  });

export const useApplication = (id: string) =>
  useQuery({
    queryKey: keys.application(id),
    queryFn: async () => unwrap(await api.GET('/api/applications/{id}', { params: { path: { id } } })),
  });

export const useReviews = (applicationId: string) =>
  useQuery({
    queryKey: keys.reviews(applicationId),
    queryFn: () => allPages(async (cursor) => unwrap(await api.GET('/api/applications/{id}/reviews', { params: { path: { id: applicationId }, query: { limit: 100, cursor } } }))),
  });

/** Who is assigned to review the application, and whether each review is in. */
export const useAssignedReviewers = (applicationId: string) =>
  useQuery({
    queryKey: keys.assignedReviewers(applicationId),
    queryFn: () =>
      allPages(async (cursor) => unwrap(await api.GET('/api/applications/{id}/reviewers', { params: { path: { id: applicationId }, query: { limit: 100, cursor } } }))),
  });

/** Seats of the cohort, how many are taken by accepted applicants and how many are left. */
export function seatsOf(cohort: Cohort, rows: readonly ScoreRow[]): { seats: number; taken: number; left: number } {
  const taken = rows.filter((row) => row.state === 'accepted').length;
  return { seats: cohort.seats, taken, left: Math.max(0, cohort.seats - taken) };
}

/** Decides on an application; the scoreboard and the application are read again. */
export function useDecide(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ applicationId, decision, note }: { applicationId: string; decision: Decision; note: string }) =>
      unwrap(await api.POST('/api/applications/{id}/decision', { params: { path: { id: applicationId } }, body: { decision, note: note.trim() || undefined } })),
    onSuccess: async (application) => {
      queryClient.setQueryData(keys.application(application.id), application);
      await queryClient.invalidateQueries({ queryKey: keys.scoreboard(cohortId) });
    },
  });
}
