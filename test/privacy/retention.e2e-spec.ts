import { loginAdmin, registerEntrepreneur, runScheduledJob, TestServer, TestWorker } from '@samverka/testing';

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
    try {
      await runScheduledJob(server, worker, 'retention');
    } finally {
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
