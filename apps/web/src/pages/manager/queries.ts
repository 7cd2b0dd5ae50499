import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { cohortKey } from '@web/api/cohorts';

export type Programme = Schemas['ProgrammeView'];
export type Cohort = Schemas['CohortView'];
export type CohortState = Cohort['state'];
export type Question = Schemas['QuestionDto'];
export type RubricCriterion = Schemas['RubricCriterionDto'];
export type Member = Schemas['CohortMemberView'];
export type StageNorms = Schemas['StageNormsDto'];

/** The track stages the cohort sets a normal duration for (those before a track ends). */
export const NORMED_STAGES: (keyof StageNorms)[] = ['matched', 'co_design', 'test_environment', 'evaluation'];

/** The cohort lifecycle in order; `archived` is the side exit from planning or completed. */
export const COHORT_STEPS: CohortState[] = ['planning', 'open', 'selecting', 'running', 'completed'];

export const keys = {
  programmes: ['manager', 'programmes'] as const,
  programme: (id: string) => ['manager', 'programmes', id] as const,
  cohorts: (programmeId: string) => ['manager', 'programmes', programmeId, 'cohorts'] as const,
  cohort: cohortKey,
  reviewers: (cohortId: string) => ['manager', 'cohorts', cohortId, 'reviewers'] as const,
  conflicts: (cohortId: string) => ['manager', 'cohorts', cohortId, 'conflicts'] as const,
  knownReviewers: (programmeId: string) => ['manager', 'programmes', programmeId, 'known-reviewers'] as const,
  agenda: ['manager', 'agenda'] as const,
};

export const useProgramme = (id: string) =>
  useQuery({
    queryKey: keys.programme(id),
    queryFn: async () => unwrap(await api.GET('/api/programmes/{id}', { params: { path: { id } } })),
  });

export { useCohort } from '@web/api/cohorts';

/** Every reviewer of the cohort (a jury is small: one page of a hundred). */
export const useReviewers = (cohortId: string) =>
  useQuery({
    queryKey: keys.reviewers(cohortId),
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}/reviewers', { params: { path: { id: cohortId }, query: { limit: 100 } } })).items,
  });

/**
 * The people who have reviewed for the programme's other cohorts: the manager can add them
 * without a new invitation (the API lists people to managers only through their cohorts).
 */
export const useKnownReviewers = (programmeId: string | undefined) =>
  useQuery({
    queryKey: keys.knownReviewers(programmeId ?? ''),
    enabled: Boolean(programmeId),
    queryFn: async () => {
      const cohorts = unwrap(await api.GET('/api/cohorts', { params: { query: { programmeId, limit: 100 } } })).items;
      const juries = await Promise.all(
        cohorts.map(async (cohort) => unwrap(await api.GET('/api/cohorts/{id}/reviewers', { params: { path: { id: cohort.id }, query: { limit: 100 } } })).items),
      );
      return [...new Map(juries.flat().map((member) => [member.userId, member])).values()];
    },
  });
