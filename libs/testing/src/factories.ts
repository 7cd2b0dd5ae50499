import { randomUUID } from 'node:crypto';
import type { Role } from '@samverka/identity';
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
  await expectStatus(await server.http.post('/api/auth/register').send({ email, password: DEFAULT_PASSWORD, displayName }), 202, 'register');
  await confirmEmail(server, email);
  return login(server, email, DEFAULT_PASSWORD);
}

/** The token of the latest confirmation link mailed to `email`, as the person would find it in their inbox. */
export function confirmationTokenFor(server: TestServer, email: string): string {
  const tokens = mailsTo(server, email).map((text) => /confirm-email\?token=([\w-]+)/.exec(text)?.[1]);
  const token = tokens.filter((found) => found !== undefined).at(-1);
  if (!token) throw new Error(`no confirmation link was mailed to ${email}`);
  return token;
}

/** Follows the confirmation link mailed to `email`. */
export async function confirmEmail(server: TestServer, email: string): Promise<void> {
  await expectStatus(await server.http.post('/api/auth/confirm-email').send({ token: confirmationTokenFor(server, email) }), 204, `confirm ${email}`);
}

/** The decoded texts of the mails sent to `email`, oldest first. */
export function mailsTo(server: TestServer, email: string): string[] {
  return server.mails()
    .filter((mail) => mail.split(/\r?\n/).some((line) => line.toLowerCase() === `to: ${email.toLowerCase()}`))
    .map(mailBody);
}

/** The text of an .eml file, undoing the transfer encoding (quoted-printable or base64). */
function mailBody(mail: string): string {
  const [headers, ...rest] = mail.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
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
