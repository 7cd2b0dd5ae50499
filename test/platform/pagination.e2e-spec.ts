import { loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

describe('cursor pagination (GET /api/users)', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    await Promise.all(Array.from({ length: 6 }, () => registerEntrepreneur(server)));
  });
  afterAll(() => server.stop());

  it('visits every user exactly once when following nextCursor', async () => {
    const { rows } = await server.db.query(`SELECT id FROM users`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string | number> = cursor ? { limit: 2, cursor } : { limit: 2 };
      const { body } = await server.http.get('/api/users').query(query).set(admin.auth).expect(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((user: { id: string }) => user.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen)).toEqual(new Set(rows.map((row: { id: string }) => row.id)));
  });

  it('ends with nextCursor null', async () => {
    const { body } = await server.http.get('/api/users').query({ limit: 100 }).set(admin.auth).expect(200);
    expect(body.nextCursor).toBeNull();
  });

  it('caps the page size at 100', async () => {
    const response = await server.http.get('/api/users').query({ limit: 101 }).set(admin.auth).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    await server.http.get('/api/users').query({ limit: 0 }).set(admin.auth).expect(400);
  });

  it.each([
    ['garbage', 'not-a-cursor!!'],
    ['a cursor of the wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['a cursor whose id is not a UUID', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url')],
    ['a cursor whose position is not a time', Buffer.from(JSON.stringify(['half past nine', '6f1c8d3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f'])).toString('base64url')],
  ])('refuses %s with 400', async (_what, cursor) => {
    const response = await server.http.get('/api/users').query({ cursor }).set(admin.auth).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
