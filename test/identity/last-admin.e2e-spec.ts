import { ADMIN, invitePerson, loginAdmin, TestServer, type Session } from '@samverka/testing';

describe('the last active admin', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  const expectLastAdmin = (response: { body: { code?: string } }) => expect(response.body.code).toBe('last_admin');

  it('cannot deactivate or erase themselves', async () => {
    expectLastAdmin(await server.http.post(`/api/users/${admin.userId}/deactivate`).set(admin.auth).send({}).expect(409));
    expectLastAdmin(await server.http.delete(`/api/users/${admin.userId}`).set(admin.auth).send({ reason: 'asked by letter' }).expect(409));
    expectLastAdmin(await server.http.delete('/api/me').set(admin.auth).send({ password: ADMIN.password }).expect(409));
    await server.http.get('/api/me').set(admin.auth).expect(200);
  });

  it('can be removed once another admin is active, and the other then cannot', async () => {
    const other = await invitePerson(server, admin, 'admin');
    await server.http.post(`/api/users/${admin.userId}/deactivate`).set(other.auth).send({}).expect(200);
    expectLastAdmin(await server.http.post(`/api/users/${other.userId}/deactivate`).set(other.auth).send({}).expect(409));
    await server.http.post(`/api/users/${admin.userId}/reactivate`).set(other.auth).send({}).expect(200);
    admin = await loginAdmin(server);
    await server.http.delete(`/api/users/${other.userId}`).set(admin.auth).send({ reason: 'asked by phone' }).expect(204);
  });

  it('stays when two admins try to deactivate each other at once', async () => {
    const second = await invitePerson(server, admin, 'admin');
    const responses = await Promise.all([
      server.http.post(`/api/users/${second.userId}/deactivate`).set(admin.auth).send({}),
      server.http.post(`/api/users/${admin.userId}/deactivate`).set(second.auth).send({}),
    ]);
    // The loser is refused as the last admin, or, once deactivated itself, as unauthenticated.
    const [first, loser] = responses.map((response) => response.status).sort();
    expect(first).toBe(200);
    expect([401, 409]).toContain(loser);
    const { rows } = await server.db.query(`SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND status = 'active'`);
    expect(rows[0].n).toBe(1);
  });
});
