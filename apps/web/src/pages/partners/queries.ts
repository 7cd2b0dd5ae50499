import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type PartnerPost = Schemas['PartnerPostView'];
export type PartnerInterest = Schemas['PartnerInterestView'];
export type SuggestionReason = Schemas['SuggestionReasonView'];
export type PostDirection = Schemas['PartnerPostDto']['direction'];
export type PostKind = Schemas['PartnerPostDto']['kind'];

export const DIRECTIONS: readonly PostDirection[] = ['look_for', 'offer'];
export const KINDS: readonly PostKind[] = ['competence', 'test_environment', 'premises', 'funding', 'challenge_partner'];

export interface BoardFilter {
  direction?: PostDirection;
  kind?: PostKind;
  tag?: string;
  municipalityCode?: string;
  includeExpired?: boolean;
  mine?: boolean;
}

export const partnerKeys = {
  all: ['partners'] as const,
  board: (filter: BoardFilter) => ['partners', 'board', filter] as const,
  post: (id: string) => ['partners', 'posts', id] as const,
  suggestions: (id: string) => ['partners', 'posts', id, 'suggestions'] as const,
  interests: (id: string) => ['partners', 'posts', id, 'interests'] as const,
  openChallenges: ['partners', 'open-challenges'] as const,
};

export const usePartnerPost = (id: string) =>
  useQuery({ queryKey: partnerKeys.post(id), queryFn: async () => unwrap(await api.GET('/api/partner-posts/{id}', { params: { path: { id } } })) });
