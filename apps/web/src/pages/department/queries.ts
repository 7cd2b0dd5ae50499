import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type Challenge = Schemas['ChallengeView'];
export type ChallengeInput = Schemas['ChallengeContentDto'];
export type ChallengeState = Challenge['state'];
export type TestEnvironment = Schemas['TestEnvironmentView'];
export type TestEnvironmentInput = Schemas['TestEnvironmentDto'];
export type Match = Schemas['MatchView'];
export type Revision = Schemas['RevisionView'];

export const STATES: ChallengeState[] = ['draft', 'changes_requested', 'submitted', 'approved', 'rejected', 'matched', 'in_test', 'completed', 'withdrawn'];

export { ifMatch } from '@web/api/client';

export const keys = {
  departments: ['department', 'departments'] as const,
  challenges: ['department', 'challenges'] as const,
  challenge: (id: string) => ['department', 'challenges', id] as const,
  revisions: (id: string) => ['department', 'challenges', id, 'revisions'] as const,
  environments: (departmentId: string) => ['department', departmentId, 'test-environments'] as const,
  matches: ['department', 'matches'] as const,
};

/** The departments I am a member of (the API lists only those for a department member). */
export const useMyDepartments = () =>
  useQuery({
    queryKey: keys.departments,
    queryFn: async () => unwrap(await api.GET('/api/departments', { params: { query: { limit: 100 } } })).items,
    staleTime: 5 * 60_000,
  });

export const useChallenge = (id: string) =>
  useQuery({
    queryKey: keys.challenge(id),
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}', { params: { path: { id } } })),
    enabled: id !== 'new',
  });

export const useRevisions = (id: string, enabled = true) =>
  useQuery({
    queryKey: keys.revisions(id),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/challenges/{id}/revisions', {
          params: { path: { id }, query: { limit: 100 } },
        })
      ).items,
    enabled: enabled && id !== 'new',
  });

/** Every test environment of the department, active and retired. */
export const useTestEnvironments = (departmentId: string | undefined) =>
  useQuery({
    queryKey: keys.environments(departmentId ?? ''),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/departments/{id}/test-environments', {
          params: { path: { id: departmentId ?? '' }, query: { limit: 100 } },
        })
      ).items,
    enabled: Boolean(departmentId),
  });

export const useChallengeCount = (state: ChallengeState) =>
  useQuery({
    queryKey: [...keys.challenges, 'today', state],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/challenges', {
          params: { query: { state, limit: 20 } },
        })
      ).items,
  });
