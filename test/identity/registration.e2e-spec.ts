import { confirmationTokenFor, DEFAULT_PASSWORD, loginAdmin, mailsTo, TestServer, uniqueEmail } from '@samverka/testing';

describe('self-registration (entrepreneurs)', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  const register = (body: Record<string, unknown>) => server.http.post('/api/auth/register').send({ password: DEFAULT_PASSWORD, displayName: 'Anna Lind', ...body });
  const confirm = (token: string) => server.http.post('/api/auth/confirm-email').send({ token });
  const login = (email: string, password = DEFAULT_PASSWORD) => server.http.post('/api/auth/login').send({ email, password });
  const userByEmail = async (email: string) => (await server.db.query(`SELECT * FROM users WHERE email = $1`, [email])).rows;

  it('creates an entrepreneur account that logs in once its address is confirmed through the mailed link', async () => {
    const email = uniqueEmail();
    const { body } = await register({ email, preferredLanguage: 'en' }).expect(202);
    expect(body).toEqual({ message: expect.any(String) });
    const [mail] = mailsTo(server, email);
    expect(mail).toContain(`http://localhost:3000/confirm-email?token=${confirmationTokenFor(server, email)}`);

    const unconfirmed = await login(email).expect(403);
    expect(unconfirmed.body).toMatchObject({ code: 'email_not_confirmed' });
    // Only the password's holder learns that the account waits for confirmation.
    expect((await login(email, 'not-the-password').expect(401)).body.code).toBe('invalid_credentials');

    const token = confirmationTokenFor(server, email);
    await confirm(token).expect(204);
    const tokens = await login(email).expect(200);
    const me = await server.http.get('/api/me').set('Authorization', `Bearer ${tokens.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, displayName: 'Anna Lind', preferredLanguage: 'en', roles: ['entrepreneur'], status: 'active' });

    expect((await confirm(token).expect(401)).body.code).toBe('invalid_confirmation_token');
  });

  it('answers alike for an address that has an account, and mails its owner a note instead of a link', async () => {
    const email = uniqueEmail('Case');
    const first = await register({ email }).expect(202);
    await confirm(confirmationTokenFor(server, email)).expect(204);
    const again = await register({ email: email.toUpperCase(), password: 'Another-passphrase-91', displayName: 'Someone Else' }).expect(202);
    expect(again.body).toEqual(first.body);
    expect(Object.keys(again.headers).sort()).toEqual(Object.keys(first.headers).sort());

    const mails = mailsTo(server, email);
    expect(mails).toHaveLength(2);
    expect(mails[1]).toMatch(/already have an account/);
    expect(mails[1]).not.toMatch(/token/);
    expect(await userByEmail(email)).toEqual([expect.objectContaining({ display_name: 'Anna Lind' })]);
    await login(email).expect(200);
    await login(email, 'Another-passphrase-91').expect(401);
  });

  it('lets the latest sign-up of an unconfirmed address count: its link and password, and no earlier one', async () => {
    const email = uniqueEmail();
    await register({ email, password: 'First-passphrase-31' }).expect(202);
    const earlier = confirmationTokenFor(server, email);
    await register({ email, password: 'Second-passphrase-62', displayName: 'Anna Lind-Berg' }).expect(202);
    const latest = confirmationTokenFor(server, email);
    expect(latest).not.toBe(earlier);

    await confirm(earlier).expect(401);
    await confirm(latest).expect(204);
    await login(email, 'First-passphrase-31').expect(401);
    await login(email, 'Second-passphrase-62').expect(200);
    expect(await userByEmail(email)).toEqual([expect.objectContaining({ display_name: 'Anna Lind-Berg' })]);
  });

  it('refuses an expired or unknown confirmation link', async () => {
    const email = uniqueEmail();
    await register({ email }).expect(202);
    await server.db.query(`UPDATE email_confirmations SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    await confirm(confirmationTokenFor(server, email)).expect(401);
    await confirm('made-up').expect(401);
    await login(email).expect(403);
  });

  it('confirms an address by accepting an invitation sent to it', async () => {
    const admin = await loginAdmin(server);
    const email = uniqueEmail();
    await register({ email }).expect(202);
    const { body: invitation } = await server.http.post('/api/invitations').set(admin.auth).send({ email, role: 'reviewer' }).expect(201);
    await server.http.post('/api/auth/accept-invitation').send({ token: invitation.token, password: DEFAULT_PASSWORD, displayName: 'Anna Lind' }).expect(201);
    await login(email).expect(200);
  });

  it('uses a password exactly as typed, spaces included', async () => {
    const email = uniqueEmail();
    const password = `  ${DEFAULT_PASSWORD}  `;
    await register({ email, password }).expect(202);
    await confirm(confirmationTokenFor(server, email)).expect(204);
    await login(email, DEFAULT_PASSWORD).expect(401);
    await login(email, password).expect(200);
  });

  it('defaults the preferred language to Swedish', async () => {
    const email = uniqueEmail();
    await register({ email }).expect(202);
    expect(await userByEmail(email)).toEqual([expect.objectContaining({ preferred_language: 'sv' })]);
  });

  it('stores the password hashed with argon2id', async () => {
    const email = uniqueEmail();
    await register({ email }).expect(202);
    const [row] = await userByEmail(email);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row.password_hash).not.toContain(DEFAULT_PASSWORD);
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
    expect(await userByEmail(email)).toHaveLength(0);
  });

  it('refuses a wrong language and a missing display name', async () => {
    const response = await server.http.post('/api/auth/register').send({ email: uniqueEmail(), password: DEFAULT_PASSWORD, preferredLanguage: 'de' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'preferredLanguage']);
  });
});
