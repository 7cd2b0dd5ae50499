import { DEFAULT_PASSWORD, TestServer, uniqueEmail } from '@samverka/testing';

describe('self-registration (entrepreneurs)', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  const register = (body: Record<string, unknown>) => server.http.post('/api/auth/register').send({ password: DEFAULT_PASSWORD, displayName: 'Anna Lind', ...body });

  it('creates an entrepreneur account and never shows the password hash', async () => {
    const email = uniqueEmail();
    const { body } = await register({ email, preferredLanguage: 'en' }).expect(201);
    expect(body).toEqual({ id: expect.any(String), email, displayName: 'Anna Lind', preferredLanguage: 'en', roles: ['entrepreneur'], status: 'active', createdAt: expect.any(String) });
  });

  it('defaults the preferred language to Swedish', async () => {
    const { body } = await register({ email: uniqueEmail() }).expect(201);
    expect(body.preferredLanguage).toBe('sv');
  });

  it('stores the password hashed with argon2id', async () => {
    const { body } = await register({ email: uniqueEmail() }).expect(201);
    const { rows } = await server.db.query(`SELECT password_hash FROM users WHERE id = $1`, [body.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(rows[0].password_hash).not.toContain(DEFAULT_PASSWORD);
  });

  it('treats email addresses case-insensitively: the same address in other case is 409', async () => {
    const email = uniqueEmail('Case');
    await register({ email }).expect(201);
    const response = await register({ email: email.toUpperCase() }).expect(409);
    expect(response.body.code).toBe('email_taken');
  });

  it.each([
    ['too short', 'kort-1'],
    ['a common password', 'password123'],
    ['a common keyboard walk', 'qwertyuiop'],
  ])('refuses a password that is %s, naming the password field', async (_why, password) => {
    const response = await register({ email: uniqueEmail(), password }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('refuses a password containing the email name', async () => {
    const response = await register({ email: 'kristina.ek@samverka.test', password: 'kristina.ek-2026!' }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('offers no way to choose roles', async () => {
    const email = uniqueEmail();
    const response = await register({ email, roles: ['admin'] }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    const { rows } = await server.db.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a wrong language and a missing display name', async () => {
    const response = await server.http.post('/api/auth/register').send({ email: uniqueEmail(), password: DEFAULT_PASSWORD, preferredLanguage: 'de' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'preferredLanguage']);
  });
});
