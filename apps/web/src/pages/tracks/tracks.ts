import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type Track = Schemas['TrackView'];
export type TrackItem = Schemas['TrackPage']['items'][number];
export type Stage = Track['stage'];
export type Learning = Schemas['LearningView'];
export type Milestone = Schemas['MilestoneView'];
export type TestSession = Schemas['TestSessionView'];
export type FollowUp = Schemas['FollowUpView'];

/** The stages in order, without `discontinued`, which can follow any of them. */
export const STAGES: readonly Stage[] = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated'];
/** Where the API takes a test plan, and test sessions (as in the track's stage rules). */
export const PLANNING_STAGES: readonly Stage[] = ['matched', 'co_design', 'test_environment'];
export const TESTING_STAGES: readonly Stage[] = ['test_environment', 'evaluation'];
export const isEnded = (stage: Stage): boolean => stage === 'graduated' || stage === 'discontinued';

export const trackKeys = {
  all: ['tracks'] as const,
  list: ['tracks', 'list'] as const,
  track: (id: string) => ['tracks', id] as const,
  milestones: (id: string) => ['tracks', id, 'milestones'] as const,
  sessions: (id: string) => ['tracks', id, 'test-sessions'] as const,
  learnings: (id: string) => ['tracks', id, 'learnings'] as const,
  followUps: (id: string) => ['tracks', id, 'follow-ups'] as const,
};

export const fetchTracks = async (cursor: string | undefined, departmentId?: string) => unwrap(await api.GET('/api/tracks', { params: { query: { cursor, limit: 20, departmentId } } }));

export const useTrack = (id: string) => useQuery({ queryKey: trackKeys.track(id), queryFn: async () => unwrap(await api.GET('/api/tracks/{id}', { params: { path: { id } } })) });
