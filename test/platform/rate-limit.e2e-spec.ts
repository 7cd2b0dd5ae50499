import { TestServer } from '@samverka/testing';

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

  it('throttles login per account, whatever the address and the instance', async () => {
    const email = `target-${address}@samverka.test`;
    for (const server of [a, b, a]) expect((await attempt(server, email, newAddress())).status).toBe(401);
    expectThrottled(await attempt(b, email, newAddress()));
    // Another account from a fresh address is not affected.
    expect((await attempt(a, `bystander-${address}@samverka.test`, newAddress())).status).toBe(401);
  });

  it('throttles login per address, whatever the account', async () => {
    const from = newAddress();
    // Five times the per-account limit, one attempt per account.
    for (let i = 0; i < 15; i++) expect((await attempt(i % 2 ? a : b, `guess-${i}-${from}@samverka.test`, from)).status).toBe(401);
    expectThrottled(await attempt(a, `guess-last-${from}@samverka.test`, from));
    expect((await attempt(a, `guess-last-${from}@samverka.test`, newAddress())).status).toBe(401);
  });

  it('limits every other route per address too', async () => {
    const from = newAddress();
    const get = (server: TestServer) => server.http.get('/api/reference/counties').set('X-Forwarded-For', from);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => get(i % 2 ? a : b).then((response) => response.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expectThrottled(await get(a));
    expect((await a.http.get('/api/reference/counties').set('X-Forwarded-For', newAddress())).status).toBe(200);
  });
});
