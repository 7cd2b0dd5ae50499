import { loginAdmin, mailsTo, registerEntrepreneur, startTogether, TestServer, TestWorker, waitUntil, type Session } from '@samverka/testing';

/** What a context's service writes with Outbox.notify, inside its transaction. */
async function emit(server: TestServer, recipientId: string, count = 1, type = 'match.proposed'): Promise<string[]> {
  const { rows } = await server.db.query(
    `INSERT INTO outbox_messages (type, recipient_id, payload)
     SELECT $1, $2, jsonb_build_object(
       'title', jsonb_build_object('sv', 'Nytt förslag ' || n, 'en', 'New proposal ' || n),
       'body', jsonb_build_object('sv', 'Du har matchats med en utmaning.', 'en', 'You have been matched with a challenge.'),
       'data', jsonb_build_object('n', n))
     FROM generate_series(1, $3) AS n RETURNING id`,
    [type, recipientId, count],
  );
  return rows.map((row: { id: string }) => row.id);
}

const untilDelivered = (server: TestServer, ids: string[]) =>
  waitUntil(
    async () => (await server.db.query(`SELECT count(*)::int AS pending FROM outbox_messages WHERE id = ANY($1) AND delivered_at IS NULL`, [ids])).rows[0].pending === 0,
    'the outbox messages to be delivered',
  );

/** The mails to `email` but the confirmation link every sign-up brings. */
const notificationMailsTo = (server: TestServer, email: string) => mailsTo(server, email).filter((mail) => !mail.includes('/confirm-email?token='));

describe('notifications through the outbox and the worker', () => {
  let server: TestServer;
  let anna: Session;
  let bertil: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    anna = await registerEntrepreneur(server, 'Anna Åberg');
    bertil = await registerEntrepreneur(server, 'Bertil Öst');
    const me = await server.http.get('/api/me').set(bertil.auth).expect(200);
    await server.http.patch('/api/me').set(bertil.auth).set('If-Match', me.headers.etag).send({ preferredLanguage: 'en' }).expect(200);
  });
  afterAll(() => server.stop());

  it('delivers each message once, in-app and by email, in the recipient’s language', async () => {
    const worker = await TestWorker.start(server);
    try {
      const ids = [...(await emit(server, anna.userId)), ...(await emit(server, bertil.userId))];
      await untilDelivered(server, ids);
    } finally {
      expect(await worker.stop()).toBe(0);
    }
    const forAnna = await server.http.get('/api/notifications').set(anna.auth).expect(200);
    expect(forAnna.body.items).toEqual([expect.objectContaining({ type: 'match.proposed', title: 'Nytt förslag 1', readAt: null })]);
    const forBertil = await server.http.get('/api/notifications').set(bertil.auth).expect(200);
    expect(forBertil.body.items.map((n: { title: string }) => n.title)).toEqual(['New proposal 1']);
    expect(notificationMailsTo(server, anna.email)).toHaveLength(1);
    expect(notificationMailsTo(server, bertil.email)[0]).toContain('You have been matched with a challenge.');
  });

  it('delivers exactly once with two workers draining the same outbox', async () => {
    const before = notificationMailsTo(server, anna.email).length;
    const ids = await emit(server, anna.userId, 60, 'track.advanced');
    const workers = await startTogether([TestWorker.start(server), TestWorker.start(server)]);
    try {
      await untilDelivered(server, ids);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const { rows } = await server.db.query(`SELECT count(*)::int AS stored, count(DISTINCT id)::int AS distinct_ids FROM notifications WHERE id = ANY($1)`, [ids]);
    expect(rows[0]).toEqual({ stored: 60, distinct_ids: 60 });
    expect(notificationMailsTo(server, anna.email).length - before).toBe(60);
    const attempts = await server.db.query(`SELECT max(attempts)::int AS most FROM outbox_messages WHERE id = ANY($1)`, [ids]);
    expect(attempts.rows[0].most).toBe(1);
  });

  it('finishes a message whose worker died after sending, without sending it again', async () => {
    const [id] = await emit(server, anna.userId, 1, 'graduation.recorded');
    // As a worker leaves it when killed after the email went out: claimed, sent, not delivered.
    await server.db.query(`UPDATE outbox_messages SET attempts = 1, claimed_until = now() - interval '1 second', email_sent_at = now() WHERE id = $1`, [id]);
    const before = notificationMailsTo(server, anna.email).length;
    const worker = await TestWorker.start(server);
    try {
      await untilDelivered(server, [id]);
    } finally {
      await worker.stop();
    }
    expect(notificationMailsTo(server, anna.email).length).toBe(before);
    const { rows } = await server.db.query(`SELECT count(*)::int AS stored FROM notifications WHERE id = $1`, [id]);
    expect(rows[0].stored).toBe(1);
  });

  it('lets a person page through and mark their own notifications read, and nobody else’s', async () => {
    const unread = await server.http.get('/api/notifications').query({ unread: true, limit: 5 }).set(anna.auth).expect(200);
    expect(unread.body.items).toHaveLength(5);
    expect(unread.body.nextCursor).toEqual(expect.any(String));
    const first = unread.body.items[0];

    await server.http.post(`/api/notifications/${first.id}/read`).set(bertil.auth).expect(404);
    const read = await server.http.post(`/api/notifications/${first.id}/read`).set(anna.auth).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));

    const all = await server.http.post('/api/notifications/read-all').set(anna.auth).expect(200);
    expect(all.body.marked).toBeGreaterThan(0);
    const none = await server.http.get('/api/notifications').query({ unread: true }).set(anna.auth).expect(200);
    expect(none.body.items).toEqual([]);

    const admin = await loginAdmin(server);
    const adminsOwn = await server.http.get('/api/notifications').set(admin.auth).expect(200);
    expect(adminsOwn.body.items).toEqual([]);
    await server.http.get('/api/notifications').expect(401);
    await server.http.post('/api/notifications/not-a-uuid/read').set(anna.auth).expect(400);
  });
});
