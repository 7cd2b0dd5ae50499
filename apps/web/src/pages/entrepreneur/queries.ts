import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { cohortKey } from '@web/api/cohorts';

export type Profile = Schemas['ProfileView'];
export type Cohort = Schemas['CohortView'];
export type Application = Schemas['ApplicationView'];

export { ifMatch } from '@web/api/client';

export const keys = {
  profile: ['entrepreneur', 'profile'] as const,
  cohorts: ['entrepreneur', 'cohorts'] as const,
  cohort: cohortKey,
  application: (cohortId: string) => ['entrepreneur', 'cohorts', cohortId, 'application'] as const,
};

/** My profile, or null before I have saved one (the API answers 404 then). */
export const useProfile = () =>
  useQuery({
    queryKey: keys.profile,
    queryFn: async (): Promise<Profile | null> => {
      try {
        return unwrap(await api.GET('/api/entrepreneurs/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export const fetchCohorts = async (cursor: string | undefined) => unwrap(await api.GET('/api/cohorts', { params: { query: { cursor, limit: 20 } } }));

export { useCohort } from '@web/api/cohorts';

/** My application to the cohort (an applicant sees only their own), or null. */
export const useMyApplication = (cohortId: string) =>
  useQuery({
    queryKey: keys.application(cohortId),
    queryFn: async (): Promise<Application | null> => unwrap(await api.GET('/api/cohorts/{id}/applications', { params: { path: { id: cohortId }, query: { limit: 1 } } })).items[0] ?? null,
  });
