import { randomUUID } from 'node:crypto';
import { expectStatus, uniqueEmail, type Session } from './factories.js';
import type { TestServer } from './test-server.js';

export interface MeetingBody {
  id: string;
  version: number;
  seats: number;
  votesPerParticipant: number;
}

export const meetingBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  theme: `Unga utanför arbete och studier ${randomUUID().slice(0, 4)}`,
  description: 'Vad behöver unga 16–24 år i Helsingborg för att ta steget till jobb eller studier?',
  startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
  place: 'Dunkers kulturhus, Helsingborg',
  sectors: ['public', 'private', 'civil_society', 'academia'],
  facilitator: 'Maria Lind',
  seats: 10,
  ...overrides,
});

export async function arrangeMeeting(server: TestServer, arranger: Session, overrides: Record<string, unknown> = {}): Promise<MeetingBody> {
  return expectStatus(await server.http.post('/api/dialogue-meetings').set(arranger.auth).send(meetingBody(overrides)), 201, 'arrange dialogue meeting');
}

export interface SignedUp {
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  token: string;
  email: string;
}

/** Signs someone up on the public form, consenting to the purpose's current wording. */
export async function signUpForMeeting(server: TestServer, meetingId: string, overrides: Record<string, unknown> = {}): Promise<SignedUp> {
  const invitation = await expectStatus<{ consent: { textVersion: number } }>(await server.http.get(`/api/dialogue-meetings/${meetingId}/invitation`), 200, 'meeting invitation');
  const body = { name: 'Deltagare Test', email: uniqueEmail('participant'), organisation: 'Föreningen Framåt', sector: 'civil_society', consent: { given: true, textVersion: invitation.consent.textVersion }, ...overrides };
  const created = await expectStatus<Omit<SignedUp, 'email'>>(await server.http.post(`/api/dialogue-meetings/${meetingId}/signups`).send(body), 201, 'sign up for meeting');
  return { ...created, email: body.email as string };
}

export async function raiseNeed(server: TestServer, token: string, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  return expectStatus(await server.http.post(`/api/dialogue-participation/${token}/needs`).send({ title: `Behov ${randomUUID().slice(0, 6)}`, ...overrides }), 201, 'raise need');
}

export async function vote(server: TestServer, token: string, needId: string, votes: number): Promise<void> {
  await expectStatus(await server.http.put(`/api/dialogue-participation/${token}/votes/${needId}`).send({ votes }), 200, 'vote');
}

/**
 * Moves a meeting's start to yesterday through the API, as an arranger does after the fact, so
 * people can sign up first and the meeting is then one that has taken place.
 */
export async function meetingHeld(server: TestServer, arranger: Session, meetingId: string): Promise<MeetingBody> {
  const current = await expectStatus<Record<string, unknown>>(await server.http.get(`/api/dialogue-meetings/${meetingId}`).set(arranger.auth), 200, 'read meeting');
  const body = meetingBody({ ...pick(current, ['theme', 'description', 'place', 'link', 'sectors', 'facilitator', 'seats', 'votesPerParticipant', 'needsOpen', 'departmentId']), startsAt: new Date(Date.now() - 24 * 3600_000).toISOString(), endsAt: null });
  return expectStatus(await server.http.put(`/api/dialogue-meetings/${meetingId}`).set(arranger.auth).set('If-Match', `"${current.version}"`).send(body), 200, 'move meeting to the past');
}

const pick = (value: Record<string, unknown>, fields: string[]): Record<string, unknown> => Object.fromEntries(fields.map((field) => [field, value[field]]));
