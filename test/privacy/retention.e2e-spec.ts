import { loginAdmin, registerEntrepreneur, TestServer, TestWorker } from '@samverka/testing';
import PgBoss from 'pg-boss';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the retention job', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('removes spent tokens, old invitations and old idempotency keys, and keeps what is still in use', async () => {
    const admin = await loginAdmin(server);
    const person = await registerEntrepreneur(server);
    await server.http.post('/api/invitations').set(admin.auth).send({ email: 'old@samverka.test', role: 'reviewer' }).expect(201);
    await server.http.post('/api/invitations').set(admin.auth).send({ email: 'fresh@samverka.test', role: 'reviewer' }).expect(201);
    await server.http.post('/api/invitations').set(admin.auth).set('Idempotency-Key', 'old-key').send({ email: 'k@samverka.test', role: 'reviewer' }).expect(201);
    await server.db.query(`UPDATE invitations SET expires_at = now() - interval '31 days' WHERE email = 'old@samverka.test'`);
    await server.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '2 days' WHERE user_id = $1`, [admin.userId]);
    await server.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key'`);

    const worker = await TestWorker.start(server);
    const url = new URL(process.env.SAMVERKA_TEST_DATABASE_URL as string);
    url.pathname = `/${server.databaseName}`;
    const boss = new PgBoss({ connectionString: url.toString(), schema: 'pgboss', migrate: false });
    try {
      await boss.start();
      await boss.send('retention', {});
      await until(async () => worker.logs.includes('scheduled job done'), 'the retention job');
    } finally {
      await boss.stop({ graceful: false });
      await worker.stop();
    }

    const invitations = await server.db.query(`SELECT email FROM invitations ORDER BY email`);
    expect(invitations.rows.map((r: { email: string }) => r.email)).toEqual(['fresh@samverka.test', 'k@samverka.test']);
    const tokens = await server.db.query(`SELECT user_id FROM refresh_tokens`);
    expect(tokens.rows.map((r: { user_id: string }) => r.user_id)).toEqual([person.userId]);
    const keys = await server.db.query(`SELECT count(*)::int AS n FROM idempotency_keys`);
    expect(keys.rows[0].n).toBe(0);
    await server.http.get('/api/me').set(person.auth).expect(200);
  });
});
