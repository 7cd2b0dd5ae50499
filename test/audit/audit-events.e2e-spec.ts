import { invitePerson, loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

describe('the audit trail (/api/audit-events)', () => {
  let server: TestServer;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('shows the admin who did what, newest first, filtered by actor and action', async () => {
    const manager = await invitePerson(server, admin, 'programme_manager');
    await server.http.post('/api/invitations').set(manager.auth).send({ email: 'jury@samverka.test', role: 'reviewer' }).expect(201);

    const byManager = await server.http.get('/api/audit-events').query({ actorId: manager.userId, action: 'invitation.created' }).set(admin.auth).expect(200);
    expect(byManager.body.items).toHaveLength(1);
    expect(byManager.body.items[0]).toMatchObject({ actorId: manager.userId, actorName: 'Testperson programme_manager', action: 'invitation.created', entityType: 'invitation', to: 'pending' });
    expect(byManager.body.items[0].requestId).toEqual(expect.any(String));

    const all = await server.http.get('/api/audit-events').set(admin.auth).expect(200);
    const times = all.body.items.map((event: { occurredAt: string }) => event.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages through the trail with a cursor', async () => {
    const first = await server.http.get('/api/audit-events').query({ limit: 2 }).set(admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await server.http.get('/api/audit-events').query({ limit: 2, cursor: first.body.nextCursor }).set(admin.auth).expect(200);
    const ids = new Set([...first.body.items, ...second.body.items].map((event: { id: string }) => event.id));
    expect(ids.size).toBe(first.body.items.length + second.body.items.length);
  });

  it('filters by time', async () => {
    const future = await server.http.get('/api/audit-events').query({ from: '2999-01-01T00:00:00Z' }).set(admin.auth).expect(200);
    expect(future.body.items).toEqual([]);
    await server.http.get('/api/audit-events').query({ from: 'yesterday' }).set(admin.auth).expect(400);
  });

  it('is for admins only', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    await server.http.get('/api/audit-events').set(entrepreneur.auth).expect(403);
    await server.http.get('/api/audit-events').expect(401);
  });
});
