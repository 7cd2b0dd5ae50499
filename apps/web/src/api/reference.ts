import { useQuery } from '@tanstack/react-query';
import { swedishCollator } from '@web/i18n/format';
import { api } from './client';
import { unwrap } from './problem';

/** Reference data changes with a migration, never during a visit. */
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const useSdgs = () => useQuery({ queryKey: ['reference', 'sdgs'], queryFn: async () => unwrap(await api.GET('/api/reference/sdgs')), ...forever });

export const useCounties = () => useQuery({ queryKey: ['reference', 'counties'], queryFn: async () => unwrap(await api.GET('/api/reference/counties')), ...forever });

export const useMunicipalities = () =>
  useQuery({
    queryKey: ['reference', 'municipalities'],
    queryFn: async () => unwrap(await api.GET('/api/reference/municipalities')).sort((a, b) => swedishCollator.compare(a.name, b.name)),
    ...forever,
  });
