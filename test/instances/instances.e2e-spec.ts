import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cohortInReview, loginAdmin, registerEntrepreneur, startTogether, TestDatabase, TestServer, TestWorker, uniqueEmail, waitUntil, type Session } from '@samverka/testing';

// A deployment in small: two API instances and two workers on one PostgreSQL (of this suite's
// own, since it is stopped and started here), sharing DATA_DIR only so that the tests read one
// mail folder. Everything the instances share goes through PostgreSQL.
const ENV = {
  // Reached on purpose below; the journey's own sign-ins stay well under it.
  LOGIN_RATE_LIMIT: '6',
  DATABASE_CONNECT_TIMEOUT_MS: '2000',
  DATABASE_STATEMENT_TIMEOUT_MS: '4000',
};
// Short, so that a killed worker's messages are taken over within the test.
const WORKER_ENV = { OUTBOX_LEASE_SECONDS: '3' };
/** A request that has not answered by then hangs: that is the failure these bounds catch, not slowness. */
const HANG_MS = 15_000;
const OUTAGE_MS = 10_000;
const PROBLEM = /^application\/problem\+json/;

describe('two API instances and two workers on one PostgreSQL', () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: TestServer;
  let b: TestServer;
  /** Every worker started, the killed ones too: their logs say what they delivered. */
  const workers: TestWorker[] = [];
  let db: pg.Pool;
  let admin: Session;

  beforeAll(async () => {
    database = await TestDatabase.create();
    dataDir = mkdtempSync(join(tmpdir(), 'samverka-instances-'));
    chmodSync(dataDir, 0o755);
    // Started together: they take turns migrating the empty database.
    [a, b] = await startTogether([TestServer.start({ databaseUrl: database.url, dataDir, env: ENV }), TestServer.start({ databaseUrl: database.url, dataDir, env: ENV })]);
    workers.push(...(await startTogether([TestWorker.start(a, WORKER_ENV), TestWorker.start(a, WORKER_ENV)])));
    db = new pg.Pool({ connectionString: database.url, max: 4 });
    // Its idle connections break when PostgreSQL is stopped below; the next query reconnects.
    db.on('error', () => undefined);
    admin = await loginAdmin(a);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all([a, b].map((server) => server?.stop({ keepData: true })));
    await db?.end();
    await database?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  let turn = 0;
  /** `a` as the factories see it, except that each request goes to the other instance than the last. */
  const alternating = (): TestServer =>
    new Proxy(a, { get: (target, property, receiver) => (property === 'http' ? (turn++ % 2 ? b : a).http : Reflect.get(target, property, receiver)) });

  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;

  /** The outbox messages the workers mailed, one entry per mail written (a message mailed twice shows twice). */
  const mailedMessageIds = (): string[] =>
    workers.flatMap((worker) => worker.logs.split('\n').filter((line) => line.includes('mail written to file')).map((line) => /mail\/([0-9a-f-]{36})\.eml/.exec(line)?.[1] ?? line));

  const invite = (server: TestServer, key: string, email: string) =>
    server.http.post('/api/invitations').set(admin.auth).set('Idempotency-Key', key).send({ email, role: 'reviewer' }).timeout(HANG_MS);

  describe('shared state', () => {
    it('takes a journey on both instances and never gives away more seats than the cohort has, however the accepts race', async () => {
      const cohort = await cohortInReview(alternating(), { seats: 2, applicants: ['Amira Hassan', 'Björn Berg', 'Cecilia Ek', 'David Holm', 'Elin Lind', 'Fatima Yusuf'], jurors: [] });
      const ids = Object.values(cohort.applications);
      const decide = (id: string, index: number, decision: string) =>
        (index % 2 ? b : a).http.post(`/api/applications/${id}/decision`).set(cohort.manager.auth).send({ decision });

      const accepts = await Promise.all(ids.map((id, index) => decide(id, index, 'accept')));
      expect(accepts.map((response) => response.status).sort()).toEqual([200, 200, 409, 409, 409, 409]);
      expect(accepts.filter((response) => response.status === 409).map((response) => response.body.code)).toEqual(Array(4).fill('seats_exhausted'));
      expect(await count(`applications WHERE cohort_id = $1 AND state = 'accepted'`, [cohort.cohortId])).toBe(2);

      // The others are waitlisted, on both instances; everyone decided on is told (checked next).
      const waitlisted = ids.filter((_id, index) => accepts[index].status === 409);
      const waitlists = await Promise.all(waitlisted.map((id, index) => decide(id, index, 'waitlist')));
      expect(waitlists.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    });

    it('delivers each notification exactly once with two workers taking from one outbox', async () => {
      await waitUntil(async () => (await count(`outbox_messages WHERE delivered_at IS NULL`)) === 0, 'the outbox to drain');
      const { rows } = await db.query<{ id: string; mailed: boolean; shown: number; toAccount: boolean }>(
        `SELECT m.id, m.email_sent_at IS NOT NULL AS mailed, m.recipient_id IS NOT NULL AS "toAccount",
                (SELECT count(*)::int FROM notifications n WHERE n.id = m.id) AS shown
           FROM outbox_messages m`,
      );
      // At least the six decisions.
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows.filter((row) => row.toAccount && row.shown !== 1)).toEqual([]);
      const mailed = mailedMessageIds();
      expect(mailed.length).toBe(new Set(mailed).size);
      expect(new Set(mailed)).toEqual(new Set(rows.filter((row) => row.mailed).map((row) => row.id)));
    });

    it('replays an Idempotency-Key on the other instance and creates nothing twice, even when both get it at once', async () => {
      const email = uniqueEmail('invited');
      const key = randomUUID();
      const first = await invite(a, key, email).expect(201);
      const retry = await invite(b, key, email).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await count(`invitations WHERE email = $1`, [email])).toBe(1);

      const raced = uniqueEmail('invited');
      const racingKey = randomUUID();
      const answers = await Promise.all([a, b, a, b].map((server) => invite(server, racingKey, raced)));
      expect(answers.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((response) => response.body.id)).size).toBe(1);
      expect(await count(`invitations WHERE email = $1`, [raced])).toBe(1);
    });

    it('counts a rate limit across both instances', async () => {
      const email = uniqueEmail('guessed');
      const attempt = (server: TestServer) => server.http.post('/api/auth/login').set('X-Forwarded-For', '10.77.0.1').send({ email, password: 'a wrong password' });
      for (const server of [a, b, a, b, a, b]) expect((await attempt(server)).status).toBe(401);
      for (const server of [a, b]) {
        const throttled = await attempt(server);
        expect(throttled.status).toBe(429);
        expect(throttled.body.code).toBe('rate_limited');
      }
    });

    it('refuses on one instance a refresh token spent on the other', async () => {
      const person = await registerEntrepreneur(alternating(), 'Gustav Ström');
      const renewed = await a.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(200);
      const spent = await b.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
      expect(spent.body.code).toBe('invalid_refresh_token');
      // Taken as a leak: the login ends on both instances.
      await a.http.post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken }).expect(401);
    });
  });

  describe('faults', () => {
    it('delivers each message once when its worker is killed in the middle of a batch', async () => {
      // One worker left, so that it is the one that claims the batch.
      await workers[1].stop();
      const ids: string[] = Array.from({ length: 5 }, () => randomUUID());
      const blocker = await db.connect();
      try {
        // An uncommitted notification with the third message's id: the worker's insert of it
        // waits on this row, after it has delivered the first two.
        await blocker.query('BEGIN');
        await blocker.query(`INSERT INTO notifications (id, user_id, type, title, body) VALUES ($1, $2, 'test.blocker', '-', '-')`, [ids[2], admin.userId]);
        await db.query(
          `INSERT INTO outbox_messages (id, type, recipient_id, payload, created_at)
           SELECT id, 'test.fault', $2, '{"title":{"sv":"Prov","en":"Test"},"body":{"sv":"Prov","en":"Test"},"data":{}}', now() + n * interval '1 millisecond'
             FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
          [ids, admin.userId],
        );
        await waitUntil(
          async () =>
            (await count(`outbox_messages WHERE id = ANY($1) AND delivered_at IS NOT NULL`, [ids.slice(0, 2)])) === 2 &&
            (await count(`pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO notifications%'`)) === 1,
          'the worker to stop at the third message',
        );
        await workers[0].kill('SIGKILL');
      } finally {
        await blocker.query('ROLLBACK');
        blocker.release();
      }
      workers.push(await TestWorker.start(a, WORKER_ENV));

      await waitUntil(async () => (await count(`outbox_messages WHERE id = ANY($1) AND delivered_at IS NOT NULL`, [ids])) === 5, 'the restarted worker to deliver the rest');
      expect(await count(`notifications WHERE id = ANY($1)`, [ids])).toBe(5);
      const mailed = mailedMessageIds().filter((id) => ids.includes(id));
      expect(mailed.sort()).toEqual([...ids].sort());
    }, 60_000);

    it('cancels a statement that waits past the statement timeout with a 503, and keeps serving', async () => {
      const email = uniqueEmail('blocked');
      const blocker = await db.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE invitations IN SHARE MODE');
        const response = await invite(a, randomUUID(), email);
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('database_unavailable');
      } finally {
        await blocker.query('ROLLBACK');
        blocker.release();
      }
      expect(await count(`invitations WHERE email = $1`, [email])).toBe(0);
      await invite(a, randomUUID(), email).expect(201);
    });

    it('answers 503 problems while PostgreSQL is down, without hanging or exiting, and recovers without a restart', async () => {
      await database.stop();
      const stoppedAt = Date.now();
      const answers: { status: number; code: string; type: string; what: string }[] = [];
      // Writes and reads keep coming to both instances for the whole outage.
      while (Date.now() - stoppedAt < OUTAGE_MS) {
        for (const [name, server] of [['a', a], ['b', b]] as const) {
          const write = await invite(server, randomUUID(), uniqueEmail('outage'));
          const read = await server.http.get('/api/me').set(admin.auth).timeout(HANG_MS);
          const ready = await server.http.get('/health/ready').timeout(HANG_MS);
          for (const [what, response] of [['write', write], ['read', read], ['ready', ready]] as const) {
            answers.push({ status: response.status, code: response.body.code, type: response.headers['content-type'], what: `${what} on ${name}` });
          }
        }
      }
      expect(answers.filter((answer) => answer.status !== 503 || !PROBLEM.test(answer.type))).toEqual([]);
      expect(new Set(answers.filter((answer) => !answer.what.startsWith('ready')).map((answer) => answer.code))).toEqual(new Set(['database_unavailable']));
      expect(new Set(answers.filter((answer) => answer.what.startsWith('ready')).map((answer) => answer.code))).toEqual(new Set(['not_ready']));
      expect([a.running, b.running, ...workers.slice(-1).map((worker) => worker.running)]).toEqual([true, true, true]);

      await database.start();
      await waitUntil(async () => (await Promise.all([a, b].map(async (server) => (await fetch(`${server.url}/health/ready`)).ok))).every(Boolean), 'both instances to be ready again');
      for (const server of [a, b]) await invite(server, randomUUID(), uniqueEmail('recovered')).expect(201);
      await waitUntil(async () => (await count(`outbox_messages WHERE delivered_at IS NULL`)) === 0, 'the worker to deliver again');
    }, 90_000);

    it('keeps every acknowledged write when an instance is killed, and a retry with the same key creates nothing twice', async () => {
      const writes = Array.from({ length: 20 }, () => ({ key: randomUUID(), email: uniqueEmail('inflight') }));
      const acknowledged = new Map<string, string>();
      // One write after the other on b, the next always in flight when it dies.
      const sending = (async () => {
        for (const write of writes) {
          const response = await invite(b, write.key, write.email).catch(() => undefined);
          if (response?.status !== 201) return;
          acknowledged.set(write.key, response.body.id);
        }
      })();
      await waitUntil(() => acknowledged.size >= 3, 'writes to be acknowledged');
      await b.kill('SIGKILL');
      await sending;
      await a.http.get('/api/me').set(admin.auth).expect(200);

      for (const id of acknowledged.values()) expect(await count(`invitations WHERE id = $1`, [id])).toBe(1);
      // The client retries everything it has no answer to, and to be sure, what it has one to.
      for (const write of writes) {
        const retry = await invite(a, write.key, write.email).expect(201);
        if (acknowledged.has(write.key)) expect(retry.body.id).toBe(acknowledged.get(write.key));
        expect(await count(`invitations WHERE email = $1`, [write.email])).toBe(1);
      }
    }, 60_000);

    it('after SIGTERM answers readiness with 503 at once, finishes the request in flight, then stops', async () => {
      const email = uniqueEmail('draining');
      const body = JSON.stringify({ email, role: 'reviewer' });
      // A request in flight: its body is sent only after the signal. `Expect: 100-continue` has
      // the server say when it has taken the request in.
      const slow = httpRequest(`${a.url}/api/invitations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: admin.auth.Authorization, Expect: '100-continue' },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        slow.once('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        slow.once('error', reject);
      });
      const taken = new Promise((resolve) => slow.once('continue', resolve));
      slow.flushHeaders();
      await taken;

      process.kill(a.pid, 'SIGTERM');
      await waitUntil(async () => (await fetch(`${a.url}/health/ready`)).status === 503, 'readiness to say 503');
      const ready = await fetch(`${a.url}/health/ready`);
      expect(await ready.json()).toMatchObject({ status: 503, code: 'not_ready', detail: expect.stringContaining('shutdown') });

      slow.end(body);
      const response = await answered;
      expect(response.status).toBe(201);
      expect(JSON.parse(response.body).email).toBe(email);
      expect(await a.exited).toBe(0);
      expect(await count(`invitations WHERE email = $1`, [email])).toBe(1);
    });
  });
});
