import { DEFAULT_PASSWORD, loginAdmin, registerEntrepreneur, TestServer, uniqueEmail, type Session } from '@samverka/testing';

const AS_COOKIE = { 'X-Refresh-Token-Delivery': 'cookie' };

/** The refresh cookie a response sets, with its attributes. */
function refreshCookie(headers: Record<string, unknown>): string | undefined {
  const cookies = (headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((cookie) => cookie.startsWith('samverka_refresh='));
}
/** What a browser would send back: name=value only. */
const sent = (cookie: string | undefined): string => (cookie ?? '').split(';')[0];

describe('the refresh token as a cookie for browsers', () => {
  let server: TestServer;
  let person: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    person = await registerEntrepreneur(server);
  });
  afterAll(() => server.stop());

  const loginAsBrowser = () => server.http.post('/api/auth/login').set(AS_COOKIE).send({ email: person.email, password: DEFAULT_PASSWORD }).expect(200);

  it('sets an HttpOnly, Secure, SameSite=Strict cookie for /api/auth and leaves the token out of the body', async () => {
    const response = await loginAsBrowser();
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const cookie = refreshCookie(response.headers);
    expect(cookie).toMatch(/^samverka_refresh=[^;]+/);
    expect(cookie).toMatch(/; Path=\/api\/auth(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Max-Age=2592000/);
  });

  it('refreshes from the cookie when the body has no token, rotating it', async () => {
    const first = sent(refreshCookie((await loginAsBrowser()).headers));
    const refreshed = await server.http.post('/api/auth/refresh').set(AS_COOKIE).set('Cookie', first).send({}).expect(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    await server.http.get('/api/me').set({ Authorization: `Bearer ${refreshed.body.accessToken}` }).expect(200);
    const second = sent(refreshCookie(refreshed.headers));
    expect(second).not.toBe(first);

    // The spent cookie is refused (and, being reuse, ends the login).
    await server.http.post('/api/auth/refresh').set(AS_COOKIE).set('Cookie', first).send({}).expect(401);
  });

  it('names the missing token when neither the body nor a cookie carries one', async () => {
    const response = await server.http.post('/api/auth/refresh').set(AS_COOKIE).send({}).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
  });

  it('logs out with the cookie: the login ends on the server and the cookie is cleared', async () => {
    const login = await loginAsBrowser();
    const cookie = sent(refreshCookie(login.headers));
    const logout = await server.http.post('/api/auth/logout').set('Cookie', cookie).send({}).expect(204);
    expect(refreshCookie(logout.headers)).toMatch(/^samverka_refresh=;.*Expires=Thu, 01 Jan 1970/);
    await server.http.get('/api/me').set({ Authorization: `Bearer ${login.body.accessToken}` }).expect(401);
    await server.http.post('/api/auth/refresh').set('Cookie', cookie).send({}).expect(401);
  });

  it('accepting an invitation as a browser sets the cookie too', async () => {
    const admin = await loginAdmin(server);
    const email = uniqueEmail('manager');
    const invitation = await server.http.post('/api/invitations').set(admin.auth).send({ email, role: 'programme_manager' }).expect(201);
    const accepted = await server.http
      .post('/api/auth/accept-invitation')
      .set(AS_COOKIE)
      .send({ token: invitation.body.token, password: DEFAULT_PASSWORD, displayName: 'Webbläsare Test' })
      .expect(201);
    expect(accepted.body.refreshToken).toBeUndefined();
    expect(refreshCookie(accepted.headers)).toBeDefined();
  });

  it('leaves API clients as they were: tokens in the body, no cookie, the body token wins over a cookie', async () => {
    const login = await server.http.post('/api/auth/login').send({ email: person.email, password: DEFAULT_PASSWORD }).expect(200);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(login.headers)).toBeUndefined();

    const browserCookie = sent(refreshCookie((await loginAsBrowser()).headers));
    const refreshed = await server.http.post('/api/auth/refresh').set('Cookie', browserCookie).send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(refreshed.headers)).toBeUndefined();
    // The cookie's login was not touched: it still refreshes.
    await server.http.post('/api/auth/refresh').set('Cookie', browserCookie).send({}).expect(200);
  });
});
