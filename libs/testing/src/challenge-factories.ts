import { randomUUID } from 'node:crypto';
import { DEFAULT_PASSWORD, expectStatus, login, uniqueEmail, type Session } from './factories.js';
import type { TestServer } from './test-server.js';

/** Helsingborg, where the model programme's departments are. */
export const HELSINGBORG = '1283';

export interface DepartmentBody {
  id: string;
  name: string;
  version: number;
}

export async function createDepartment(server: TestServer, admin: Session, overrides: Record<string, unknown> = {}): Promise<DepartmentBody> {
  const body = { name: `Förvaltning ${randomUUID().slice(0, 6)}`, organisation: 'Helsingborgs stad', municipalityCode: HELSINGBORG, ...overrides };
  return expectStatus(await server.http.post('/api/departments').set(admin.auth).send(body), 201, 'create department');
}

/** Invites a person into the department through its members route, accepts and signs in. */
export async function departmentMember(server: TestServer, inviter: Session, departmentId: string, displayName = 'Avdelningsmedlem Test'): Promise<Session> {
  const email = uniqueEmail('department-member');
  const added = await expectStatus<{ invitation: { token: string } }>(await server.http.post(`/api/departments/${departmentId}/members`).set(inviter.auth).send({ email }), 201, 'invite department member');
  await expectStatus(await server.http.post('/api/auth/accept-invitation').send({ token: added.invitation.token, password: DEFAULT_PASSWORD, displayName }), 201, 'accept department invitation');
  return login(server, email, DEFAULT_PASSWORD);
}

export const testEnvironmentBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Drottninghögs bibliotek',
  address: 'Drottninghögsvägen 1, Helsingborg',
  municipalityCode: HELSINGBORG,
  contactName: 'Karin Berg',
  contactEmail: 'karin.berg@helsingborg.test',
  availableFrom: '2026-01-01',
  availableTo: '2026-12-31',
  maxParticipants: 30,
  resources: 'Ett rum, personal två timmar i veckan',
  consentRules: 'Deltagarna informeras muntligt och skriftligt.',
  writtenConsentRequired: true,
  ...overrides,
});

export async function createTestEnvironment(server: TestServer, member: Session, departmentId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  return expectStatus(await server.http.post(`/api/departments/${departmentId}/test-environments`).set(member.auth).send(testEnvironmentBody(overrides)), 201, 'create test environment');
}

/** Everything a challenge needs to be submitted. */
export const completeChallengeContent = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Fler unga i föreningslivet',
  problemStatement: 'Unga i Drottninghög deltar sällan i föreningar och skolor har svårt att nå dem.',
  targetGroup: 'Unga 13–18 år i Drottninghög',
  desiredOutcome: 'Fler unga är aktiva i en förening ett år senare.',
  themes: ['Inkludering', 'fritid'],
  sdgs: [4, 10],
  competences: ['tjänstedesign'],
  languages: ['sv'],
  municipalityCode: HELSINGBORG,
  hoursPerWeek: 10,
  seats: 1,
  routeToAdoption: {
    needOwner: { name: 'Eva Ek', role: 'Enhetschef fritid', email: 'eva.ek@helsingborg.test' },
    uptake: 'operations_budget',
    uptakeNote: 'Fritidsverksamhetens driftbudget från 2027.',
    adoptedMeans: 'Arbetssättet används på alla tre fritidsgårdar.',
  },
  ...overrides,
});

export interface ChallengeBody {
  id: string;
  state: string;
  version: number;
  departmentId: string;
  cohortId: string | null;
}

export async function draftChallenge(server: TestServer, member: Session, departmentId: string, overrides: Record<string, unknown> = {}): Promise<ChallengeBody> {
  return expectStatus(await server.http.post('/api/challenges').set(member.auth).send({ departmentId, ...completeChallengeContent(overrides) }), 201, 'draft challenge');
}

export async function submittedChallenge(server: TestServer, member: Session, departmentId: string, overrides: Record<string, unknown> = {}): Promise<ChallengeBody> {
  const draft = await draftChallenge(server, member, departmentId, overrides);
  return expectStatus(await server.http.post(`/api/challenges/${draft.id}/submit`).set(member.auth), 200, 'submit challenge');
}
