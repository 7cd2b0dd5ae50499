import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type Meeting = Schemas['MeetingView'];
export type MeetingInput = Schemas['MeetingDto'];
export type Need = Schemas['NeedView'];
export type Signup = Schemas['SignupView'];
export type Sector = Meeting['sectors'][number];
export type Participation = Schemas['ParticipationView'];

export const SECTORS: Sector[] = ['public', 'private', 'civil_society', 'academia'];

export { ifMatch } from '@web/api/client';

export const keys = {
  meetings: ['dialogue', 'meetings'] as const,
  meeting: (id: string) => ['dialogue', 'meetings', id] as const,
  needs: (id: string) => ['dialogue', 'meetings', id, 'needs'] as const,
  signups: (id: string) => ['dialogue', 'meetings', id, 'signups'] as const,
  invitation: (id: string) => ['dialogue', 'invitation', id] as const,
  participation: (token: string) => ['dialogue', 'participation', token] as const,
};

export const useMeeting = (id: string) =>
  useQuery({ queryKey: keys.meeting(id), queryFn: async () => unwrap(await api.GET('/api/dialogue-meetings/{id}', { params: { path: { id } } })) });

export const useNeeds = (id: string) =>
  useQuery({ queryKey: keys.needs(id), queryFn: async () => unwrap(await api.GET('/api/dialogue-meetings/{id}/needs', { params: { path: { id } } })) });

/** Everyone signed up, for the arrangers (a meeting holds at most a few hundred). */
export const useSignups = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.signups(id),
    queryFn: async () => unwrap(await api.GET('/api/dialogue-meetings/{id}/signups', { params: { path: { id }, query: { limit: 100 } } })).items,
    enabled,
  });

export const useInvitation = (id: string) =>
  useQuery({ queryKey: keys.invitation(id), queryFn: async () => unwrap(await api.GET('/api/dialogue-meetings/{id}/invitation', { params: { path: { id } } })) });

export const useParticipation = (token: string) =>
  useQuery({ queryKey: keys.participation(token), queryFn: async () => unwrap(await api.GET('/api/dialogue-participation/{token}', { params: { path: { token } } })), retry: false });

/** Where the public sign-up form of a meeting is. */
export const signupPath = (meetingId: string) => `/dialogue/sign-up/${meetingId}`;
