import { randomUUID } from 'node:crypto';
import { invitePerson, loginAdmin, TestServer, uniqueEmail, type Session } from '@samverka/testing';

describe('Idempotency-Key on POST /api/invitations', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  const invite = (target: TestServer, key: string, body: object) => target.http.post('/api/invitations').set(admin.auth).set('Idempotency-Key', key).send(body);
  const invitationsFor = async (email: string): Promise<number> =>
    (await server.db.query(`SELECT count(*)::int AS n FROM invitations WHERE email = $1`, [email])).rows[0].n;

  it('replays the first answer to a retry and makes the invitation once', async () => {
    const key = randomUUID();
    const body = { email: uniqueEmail(), role: 'reviewer' };
    const first = await invite(server, key, body).expect(201);
    const retry = await invite(server, key, body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await invitationsFor(body.email)).toBe(1);
  });

  it('replays the ETag of a created versioned resource with it', async () => {
    const key = randomUUID();
    const create = () => server.http.post('/api/programmes').set(admin.auth).set('Idempotency-Key', key).send({ name: `Program ${key}` }).expect(201);
    const first = await create();
    const retry = await create();
    expect(first.headers.etag).toBe(`"${first.body.version}"`);
    expect(retry.headers).toMatchObject({ etag: first.headers.etag, 'idempotent-replayed': 'true' });
  });

  it('refuses the same key with a different request (422)', async () => {
    const key = randomUUID();
    await invite(server, key, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
    const response = await invite(server, key, { email: uniqueEmail(), role: 'entrepreneur' }).expect(422);
    expect(response.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('makes one invitation when identical requests race', async () => {
    const key = randomUUID();
    const body = { email: uniqueEmail(), role: 'department_member' };
    const responses = await Promise.all(Array.from({ length: 4 }, () => invite(server, key, body)));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await invitationsFor(body.email)).toBe(1);
  });

  it('holds across two instances on the same database', async () => {
    const other = await TestServer.start({ databaseName: server.databaseName });
    try {
      const key = randomUUID();
      const body = { email: uniqueEmail(), role: 'entrepreneur' };
      const [a, b] = await Promise.all([invite(server, key, body), invite(other, key, body)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.id).toBe(a.body.id);
      const later = await invite(other, key, body).expect(201);
      expect(later.body).toEqual(a.body);
      expect(await invitationsFor(body.email)).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it('keeps keys apart per caller', async () => {
    const otherAdmin = await invitePerson(server, admin, 'admin');
    const key = randomUUID();
    const mine = await invite(server, key, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
    const theirs = await server.http.post('/api/invitations').set(otherAdmin.auth).set('Idempotency-Key', key).send({ email: uniqueEmail(), role: 'reviewer' }).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});
