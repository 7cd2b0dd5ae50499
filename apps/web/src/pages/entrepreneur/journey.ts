import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type Match = Schemas['MatchView'];
export type Track = Schemas['TrackView'];
export type TrackItem = Schemas['TrackPage']['items'][number];
export type Stage = Track['stage'];
export type Learning = Schemas['LearningView'];

export const STAGES: readonly Stage[] = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated'];

export const journeyKeys = {
  matches: (language: string) => ['entrepreneur', 'matches', language] as const,
  allMatches: ['entrepreneur', 'matches'] as const,
  tracks: ['entrepreneur', 'tracks'] as const,
  track: (id: string) => ['entrepreneur', 'tracks', id] as const,
  milestones: (id: string) => ['entrepreneur', 'tracks', id, 'milestones'] as const,
  sessions: (id: string) => ['entrepreneur', 'tracks', id, 'test-sessions'] as const,
  learnings: (id: string) => ['entrepreneur', 'tracks', id, 'learnings'] as const,
  challenge: (id: string) => ['entrepreneur', 'challenges', id] as const,
};

/** The reasons come in the language asked for, so the list follows the page's language. */
export const useLanguageHeader = () => {
  const { i18n } = useTranslation();
  return { language: i18n.language, headers: { 'Accept-Language': i18n.language } };
};

export const fetchTracks = async (cursor: string | undefined) => unwrap(await api.GET('/api/tracks', { params: { query: { cursor, limit: 20 } } }));

export const useTrack = (id: string) => useQuery({ queryKey: journeyKeys.track(id), queryFn: async () => unwrap(await api.GET('/api/tracks/{id}', { params: { path: { id } } })) });

/** A challenge's title, for naming a match or track instead of showing its id. */
export const useChallenge = (id: string) =>
  useQuery({ queryKey: journeyKeys.challenge(id), queryFn: async () => unwrap(await api.GET('/api/challenges/{id}', { params: { path: { id } } })), staleTime: 5 * 60_000 });

/** The gates a track has still to pass, from its present stage onwards. */
export function openGates(track: Track, sessions: number): ('testPlan' | 'testSession' | 'outcome' | 'criteria')[] {
  if (track.stage === 'graduated' || track.stage === 'discontinued') return [];
  const gates: ('testPlan' | 'testSession' | 'outcome' | 'criteria')[] = [];
  if (!track.testPlan) gates.push('testPlan');
  if (sessions === 0) gates.push('testSession');
  if (!track.graduation) gates.push('outcome');
  if (track.graduationCriteria.some((criterion) => !criterion.met)) gates.push('criteria');
  return gates;
}
