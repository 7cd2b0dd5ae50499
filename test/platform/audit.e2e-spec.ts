import { confirmationTokenFor, DEFAULT_PASSWORD, loginAdmin, TestServer, uniqueEmail } from '@samverka/testing';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  from_state: string | null;
  to_state: string | null;
  request_id: string | null;
}

describe('audit trail', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  const eventsOf = async (entityId: string): Promise<AuditRow[]> =>
    (await server.db.query(`SELECT actor_id, action, entity_type, entity_id, from_state, to_state, request_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`, [entityId])).rows;

  it('records a registration, its confirmation and a login with the actor and the request id', async () => {
    const email = uniqueEmail();
    const registered = await server.http.post('/api/auth/register').send({ email, password: DEFAULT_PASSWORD, displayName: 'Anna Lind' }).expect(202);
    const confirmed = await server.http.post('/api/auth/confirm-email').send({ token: confirmationTokenFor(server, email) }).expect(204);
    const loggedIn = await server.http.post('/api/auth/login').send({ email, password: DEFAULT_PASSWORD }).expect(200);

    const userId = (await server.db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
    expect(await eventsOf(userId)).toEqual([
      { actor_id: userId, action: 'user.created', entity_type: 'user', entity_id: userId, from_state: null, to_state: 'active', request_id: registered.headers['x-request-id'] },
      { actor_id: userId, action: 'user.email_confirmed', entity_type: 'user', entity_id: userId, from_state: null, to_state: null, request_id: confirmed.headers['x-request-id'] },
      { actor_id: userId, action: 'user.logged_in', entity_type: 'user', entity_id: userId, from_state: null, to_state: null, request_id: loggedIn.headers['x-request-id'] },
    ]);
  });

  it('records an invitation with the inviting admin as actor', async () => {
    const admin = await loginAdmin(server);
    const invited = await server.http.post('/api/invitations').set(admin.auth).set('X-Request-Id', 'invite-trace-1').send({ email: uniqueEmail(), role: 'reviewer' }).expect(201);
    expect(await eventsOf(invited.body.id)).toEqual([
      expect.objectContaining({ actor_id: admin.userId, action: 'invitation.created', entity_type: 'invitation', to_state: 'pending', request_id: 'invite-trace-1' }),
    ]);
  });

  it('writes nothing when the change fails', async () => {
    const admin = await loginAdmin(server);
    const count = async () => (await server.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.status_changed'`)).rows[0].n;
    const before = await count();
    // The last active admin cannot leave: the change is refused after it began.
    await server.http.post(`/api/users/${admin.userId}/deactivate`).set(admin.auth).send({ reason: 'testing' }).expect(409);
    expect(await count()).toBe(before);
  });

  it('cannot be changed or deleted, not even by the database owner', async () => {
    const { rows } = await server.db.query(`SELECT id FROM audit_events LIMIT 1`);
    expect(rows).toHaveLength(1);
    await expect(server.db.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
    await expect(server.db.query(`DELETE FROM audit_events WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
    // Plain TRUNCATE is stopped already by the event texts referring to the events; with CASCADE it reaches the trigger.
    await expect(server.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/foreign key/);
    await expect(server.db.query(`TRUNCATE audit_events CASCADE`)).rejects.toThrow(/append-only/);
    const kept = await server.db.query(`SELECT action FROM audit_events WHERE id = $1`, [rows[0].id]);
    expect(kept.rows[0].action).not.toBe('forged');
  });
});
