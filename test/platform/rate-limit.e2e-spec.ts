import { DEFAULT_PASSWORD, loginAdmin, registerEntrepreneur, TestServer, uniqueEmail, type Session } from '@samverka/testing';

const PROBLEM = /^application\/problem\+json/;

// Two instances on one database: the counters live in PostgreSQL, so they add up across both.
describe('rate limits', () => {
  let a: TestServer;
  let b: TestServer;
  const env = { LOGIN_RATE_LIMIT: '3', RATE_LIMIT: '20' };
  beforeAll(async () => {
    a = await TestServer.start({ env });
    b = await TestServer.start({ env, databaseName: a.databaseName });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  let address = 0;
  /** A client address of its own for each caller, through the trusted proxy header. */
  const newAddress = (): string => `10.20.${Math.floor(++address / 250)}.${address % 250}`;
  const attempt = (server: TestServer, email: string, from: string) =>
    server.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password: 'a wrong password' });

  const expectThrottled = (response: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.code).toBe('rate_limited');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('throttles login per account and address, whatever the instance, and leaves the owner elsewhere alone', async () => {
    const owner = await registerEntrepreneur(a);
    const stranger = newAddress();
    for (const server of [a, b, a]) expect((await attempt(server, owner.email, stranger)).status).toBe(401);
    expectThrottled(await attempt(b, owner.email, stranger));
    // Typing wrong passwords for someone's address locks out no one but the stranger.
    const own = await a.http.post('/api/auth/login').set('X-Forwarded-For', newAddress()).send({ email: owner.email, password: owner.password });
    expect(own.status).toBe(200);
  });

  it('slows a guess from many addresses at the account-wide ceiling with delays that double', async () => {
    const email = `ceiling-${address}@samverka.test`;
    // The ceiling is ten times the per-address limit: ten addresses, three attempts each.
    for (let i = 0; i < 10; i++) {
      const from = newAddress();
      for (let j = 0; j < 3; j++) expect((await attempt(i % 2 ? a : b, email, from)).status).toBe(401);
    }
    const first = await attempt(a, email, newAddress());
    expectThrottled(first);
    expect(first.headers['retry-after']).toBe('1');
    // Once the delay has passed, the next attempt over the ceiling waits twice as long.
    await a.db.query(`UPDATE rate_limits SET blocked_until = clock_timestamp() WHERE blocked_until IS NOT NULL`);
    const second = await attempt(b, email, newAddress());
    expectThrottled(second);
    expect(second.headers['retry-after']).toBe('2');
  });

  it('throttles login per address, whatever the account', async () => {
    const from = newAddress();
    // Five times the per-account limit, one attempt per account.
    for (let i = 0; i < 15; i++) expect((await attempt(i % 2 ? a : b, `guess-${i}-${from}@samverka.test`, from)).status).toBe(401);
    expectThrottled(await attempt(a, `guess-last-${from}@samverka.test`, from));
    expect((await attempt(a, `guess-last-${from}@samverka.test`, newAddress())).status).toBe(401);
  });

  describe('accepting invitations', () => {
    let admin: Session;
    beforeAll(async () => (admin = await loginAdmin(a)));
    const invite = async (email = uniqueEmail()) => (await a.http.post('/api/invitations').set(admin.auth).send({ email, role: 'reviewer' }).expect(201)).body.token as string;
    const accept = (server: TestServer, token: string, from: string, password = DEFAULT_PASSWORD) =>
      server.http.post('/api/auth/accept-invitation').set('X-Forwarded-For', from).send({ token, password, displayName: 'Ny Person' });

    it('counts per address: bogus tokens from one address keep no invitee out', async () => {
      const from = newAddress();
      for (let i = 0; i < 15; i++) expect((await accept(i % 2 ? a : b, `bogus-${i}-${from}`, from)).status).toBe(401);
      expectThrottled(await accept(a, `bogus-last-${from}`, from));
      expect((await accept(b, await invite(), newAddress())).status).toBe(201);
    });

    it('counts per invitation and address: guessing the password of an invited account stops, the owner gets in', async () => {
      const owner = await registerEntrepreneur(a);
      const token = await invite(owner.email);
      const stranger = newAddress();
      for (let i = 0; i < 3; i++) expect((await accept(a, token, stranger, `wrong-password-${i}`)).status).toBe(401);
      expectThrottled(await accept(b, token, stranger, 'wrong-password-3'));
      expect((await accept(a, token, newAddress(), owner.password)).status).toBe(201);
    });
  });

  it('limits every other route per route and address too', async () => {
    const from = newAddress();
    const get = (server: TestServer) => server.http.get('/api/reference/counties').set('X-Forwarded-For', from);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => get(i % 2 ? a : b).then((response) => response.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expectThrottled(await get(a));
    expect((await a.http.get('/api/reference/counties').set('X-Forwarded-For', newAddress())).status).toBe(200);
    expect((await b.http.get('/api/reference/sdgs').set('X-Forwarded-For', from)).status).toBe(200);
  });
});
