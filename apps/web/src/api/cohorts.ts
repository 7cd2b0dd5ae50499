import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './problem';

/** One cache entry per cohort, whichever page reads or changes it. */
export const cohortKey = (id: string) => ['cohorts', id] as const;

export const useCohort = (id: string | undefined) =>
  useQuery({
    queryKey: cohortKey(id ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/cohorts/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
