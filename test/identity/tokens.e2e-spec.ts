import { createHmac } from 'node:crypto';
import { DEFAULT_PASSWORD, login, loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token made by hand, to try what the server must refuse. */
function craftToken(claims: object, options: { alg?: string; secret?: string } = {}): string {
  const alg = options.alg ?? 'HS256';
  const unsigned = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
  if (alg === 'none') return `${unsigned}.`;
  return `${unsigned}.${createHmac('sha256', options.secret ?? SECRET).update(unsigned).digest('base64url')}`;
}

const claimsOf = (token: string): { sub: string; sid: string; roles: string[]; exp: number } =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('tokens', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('logs in with a short-lived HS256 access token and a refresh token', async () => {
    const person = await registerEntrepreneur(server);
    const { body } = await server.http.post('/api/auth/login').send({ email: person.email, password: DEFAULT_PASSWORD }).expect(200);
    expect(body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const header = JSON.parse(Buffer.from(body.accessToken.split('.')[0], 'base64url').toString('utf8'));
    expect(header.alg).toBe('HS256');
    expect(claimsOf(body.accessToken).exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(900);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const person = await registerEntrepreneur(server);
    const wrong = await server.http.post('/api/auth/login').send({ email: person.email, password: 'not-the-password' }).expect(401);
    const unknown = await server.http.post('/api/auth/login').send({ email: 'nobody@samverka.test', password: 'not-the-password' }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('shows me with my roles and no secrets', async () => {
    const admin = await loginAdmin(server);
    const { body } = await server.http.get('/api/me').set(admin.auth).expect(200);
    expect(body).toMatchObject({ id: admin.userId, email: admin.email, roles: ['admin'] });
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['passwordHash']));
    expect(JSON.stringify(body)).not.toContain('argon2');
  });

  describe('refuses access tokens it did not issue as they are', () => {
    let person: Session;
    let claims: ReturnType<typeof claimsOf>;
    beforeAll(async () => {
      person = await registerEntrepreneur(server);
      claims = claimsOf(person.accessToken);
    });
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a token signed with the secret (the crafting is right)', async () => {
      await server.http.get('/api/me').set(bearer(craftToken({ ...claims, iat: now(), exp: now() + 60 }))).expect(200);
    });

    it.each([
      ['no token', undefined],
      ['a token that is not a JWT', 'not.a.jwt'],
      ['alg none', () => craftToken({ ...claims, iat: now(), exp: now() + 60 }, { alg: 'none' })],
      ['a bad signature', () => craftToken({ ...claims, iat: now(), exp: now() + 60 }, { secret: 'some-other-secret-that-is-long-enough-too' })],
      ['an expired token', () => craftToken({ ...claims, iat: now() - 120, exp: now() - 60 })],
      ['HS512', () => craftToken({ ...claims, iat: now(), exp: now() + 60 }, { alg: 'HS512' })],
    ])('%s → 401', async (_what, token) => {
      const request = server.http.get('/api/me');
      const value = typeof token === 'function' ? token() : token;
      if (value) request.set(bearer(value));
      const response = await request.expect(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  it('rotates the refresh token on every use; a spent one revokes the whole login', async () => {
    const person = await registerEntrepreneur(server);
    const first = await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(person.refreshToken);
    await server.http.get('/api/me').set(bearer(first.body.accessToken)).expect(200);

    // The spent token comes back: it leaked, so everything of this login stops working.
    await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
    await server.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    await server.http.get('/api/me').set(bearer(first.body.accessToken)).expect(401);
    await server.http.get('/api/me').set(person.auth).expect(401);

    // Another login of the same person is untouched.
    const again = await login(server, person.email, person.password);
    await server.http.get('/api/me').set(again.auth).expect(200);
  });

  it('ends the login when a spent refresh token comes back with the same Idempotency-Key', async () => {
    const person = await registerEntrepreneur(server);
    const refresh = () => server.http.post('/api/auth/refresh').set('Idempotency-Key', 'refresh-once').send({ refreshToken: person.refreshToken });
    const first = await refresh().expect(200);
    const again = await refresh().expect(401);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    await server.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    await server.http.get('/api/me').set(bearer(first.body.accessToken)).expect(401);
  });

  it('refuses an unknown refresh token', async () => {
    await server.http.post('/api/auth/refresh').send({ refreshToken: 'made-up' }).expect(401);
  });

  it('gives one new pair when the same refresh token is presented twice at once', async () => {
    const person = await registerEntrepreneur(server);
    const responses = await Promise.all([1, 2].map(() => server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the access token of that login is refused right after', async () => {
    const person = await registerEntrepreneur(server);
    const other = await login(server, person.email, person.password);
    await server.http.post('/api/auth/logout').send({ refreshToken: person.refreshToken }).expect(204);
    await server.http.get('/api/me').set(person.auth).expect(401);
    await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
    await server.http.get('/api/me').set(other.auth).expect(200);
  });

  it('shuts a deactivated person out of every token and login, until reactivated', async () => {
    const admin = await loginAdmin(server);
    const person = await registerEntrepreneur(server);
    await server.http.post(`/api/users/${person.userId}/deactivate`).set(admin.auth).send({ reason: 'left the programme' }).expect(200);

    await server.http.get('/api/me').set(person.auth).expect(401);
    await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
    await server.http.post('/api/auth/login').send({ email: person.email, password: person.password }).expect(401);
    const { rows } = await server.db.query(`SELECT action, from_state, to_state, reason, actor_id FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'user.status_changed'`, [person.userId]);
    expect(rows).toEqual([{ action: 'user.status_changed', from_state: 'active', to_state: 'deactivated', reason: 'left the programme', actor_id: admin.userId }]);

    await server.http.post(`/api/users/${person.userId}/deactivate`).set(admin.auth).send({}).expect(409);
    await server.http.post(`/api/users/${person.userId}/reactivate`).set(admin.auth).send({}).expect(200);
    // Deactivation ended the login for good: its tokens stay dead after reactivation.
    await server.http.get('/api/me').set(person.auth).expect(401);
    await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
    await login(server, person.email, person.password);
  });
});
