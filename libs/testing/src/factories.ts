import { randomUUID } from 'node:crypto';
import type { Role } from '@samverka/platform';
import { ADMIN, type TestServer } from './test-server.js';

/** A signed-in person, ready to send requests as. */
export interface Session {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** The Authorization header to send. */
  auth: { Authorization: string };
}

export const uniqueEmail = (prefix = 'person'): string => `${prefix}-${randomUUID().slice(0, 8)}@samverka.test`;

export const DEFAULT_PASSWORD = 'Fika-på-torget-42';

/** The response body when the status is as expected; otherwise an error that shows what came back. */
export async function expectStatus<T = Record<string, unknown>>(response: { status: number; body: T; text: string }, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${response.text}`);
  return response.body;
}

export async function login(server: TestServer, email: string, password: string): Promise<Session> {
  const tokens = await expectStatus(await server.http.post('/api/auth/login').send({ email, password }), 200, `login ${email}`);
  const auth = { Authorization: `Bearer ${tokens.accessToken}` };
  const me = await expectStatus(await server.http.get('/api/me').set(auth), 200, 'GET /api/me');
  return { userId: me.id, email, password, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, auth };
}

export const loginAdmin = (server: TestServer): Promise<Session> => login(server, ADMIN.email, ADMIN.password);

export async function registerEntrepreneur(server: TestServer, displayName = 'Entreprenör Test'): Promise<Session> {
  const email = uniqueEmail('entrepreneur');
  await expectStatus(await server.http.post('/api/auth/register').send({ email, password: DEFAULT_PASSWORD, displayName }), 201, 'register');
  return login(server, email, DEFAULT_PASSWORD);
}

/** Invites a new person with `role` (as `inviter`), accepts the invitation and signs in. */
export async function invitePerson(
  server: TestServer,
  inviter: Session,
  role: Role,
  scope: { departmentId?: string; programmeId?: string; cohortId?: string } = {},
  displayName = `Testperson ${role}`,
): Promise<Session> {
  const email = uniqueEmail(role.replace(/_/g, '-'));
  const invitation = await expectStatus(
    await server.http.post('/api/invitations').set(inviter.auth).send({ email, role, ...scope }),
    201,
    `invite ${role}`,
  );
  await expectStatus(
    await server.http.post('/api/auth/accept-invitation').send({ token: invitation.token, password: DEFAULT_PASSWORD, displayName }),
    201,
    'accept invitation',
  );
  return login(server, email, DEFAULT_PASSWORD);
}
