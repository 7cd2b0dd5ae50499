import { createCohort, createDepartment, DEFAULT_PASSWORD, invitePerson, login, loginAdmin, programmeWithManager, registerEntrepreneur, TestServer, uniqueEmail, type Session } from '@samverka/testing';

describe('invitations', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    manager = await invitePerson(server, admin, 'programme_manager');
  });
  afterAll(() => server.stop());

  const invite = (inviter: Session, body: Record<string, unknown>) => server.http.post('/api/invitations').set(inviter.auth).send(body);
  const accept = (token: string, password = DEFAULT_PASSWORD, displayName = 'Ny Person') =>
    server.http.post('/api/auth/accept-invitation').send({ token, password, displayName });

  it('lets an admin invite any role, with scope, and mails the token', async () => {
    const email = uniqueEmail();
    const { id: departmentId } = await createDepartment(server, admin);
    const { body } = await invite(admin, { email, role: 'department_member', departmentId }).expect(201);
    expect(body).toMatchObject({ id: expect.any(String), email, role: 'department_member', departmentId, token: expect.any(String), expiresAt: expect.any(String) });
    const mail = server.mails().find((text) => text.includes(body.token));
    expect(mail).toBeDefined();
    expect(mail).toMatch(new RegExp(`^To: ${email}`, 'm'));
    for (const role of ['admin', 'programme_manager', 'reviewer', 'entrepreneur']) await invite(admin, { email: uniqueEmail(), role }).expect(201);
  });

  it('lets a programme manager invite reviewers, department members and entrepreneurs only', async () => {
    for (const role of ['reviewer', 'department_member', 'entrepreneur']) await invite(manager, { email: uniqueEmail(), role }).expect(201);
    for (const role of ['admin', 'programme_manager']) {
      const response = await invite(manager, { email: uniqueEmail(), role }).expect(403);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('refuses a scope outside the inviter\'s (404) and makes no invitation', async () => {
    const mine = await programmeWithManager(server, admin);
    const other = await programmeWithManager(server, admin);
    const otherCohort = await createCohort(server, other.manager, other.programme.id);
    const email = uniqueEmail();
    for (const scope of [{ cohortId: otherCohort.id }, { programmeId: other.programme.id }]) {
      const response = await invite(mine.manager, { email, role: 'reviewer', ...scope }).expect(404);
      expect(response.body.code).toBe('not_found');
    }
    await invite(admin, { email, role: 'department_member', departmentId: '5f0e6c2a-9b1d-4c3e-8a7f-1b2c3d4e5f60' }).expect(404);
    const { rows } = await server.db.query(`SELECT count(*)::int AS n FROM invitations WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(0);

    // Within scope the invitation is made, and acceptance places the reviewer in the cohort.
    const ownCohort = await createCohort(server, mine.manager, mine.programme.id);
    const { body: invitation } = await invite(mine.manager, { email, role: 'reviewer', cohortId: ownCohort.id }).expect(201);
    const accepted = await accept(invitation.token).expect(201);
    const me = await server.http.get('/api/me').set('Authorization', `Bearer ${accepted.body.accessToken}`).expect(200);
    const reviewers = await server.db.query(`SELECT cohort_id FROM cohort_reviewers WHERE user_id = $1`, [me.body.id]);
    expect(reviewers.rows).toEqual([{ cohort_id: ownCohort.id }]);
  });

  it('refuses entrepreneurs (403) and callers without a token (401)', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    await invite(entrepreneur, { email: uniqueEmail(), role: 'entrepreneur' }).expect(403);
    await server.http.post('/api/invitations').send({ email: uniqueEmail(), role: 'reviewer' }).expect(401);
  });

  it('refuses an unknown role and a scope id that is not a UUID', async () => {
    const response = await invite(admin, { email: uniqueEmail(), role: 'superuser', cohortId: 'nope' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cohortId', 'role']);
  });

  it('creates the account on acceptance, once', async () => {
    const email = uniqueEmail();
    const { body: invitation } = await invite(admin, { email, role: 'reviewer' }).expect(201);
    const accepted = await accept(invitation.token).expect(201);
    const me = await server.http.get('/api/me').set('Authorization', `Bearer ${accepted.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, roles: ['reviewer'], displayName: 'Ny Person' });

    const again = await accept(invitation.token, 'Another-password-77').expect(401);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    const { rows } = await server.db.query(`SELECT action, from_state, to_state, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`, [invitation.id]);
    expect(rows).toEqual([
      { action: 'invitation.created', from_state: null, to_state: 'pending', actor_id: admin.userId },
      { action: 'invitation.accepted', from_state: 'pending', to_state: 'accepted', actor_id: me.body.id },
    ]);
  });

  it('refuses an expired invitation', async () => {
    const { body: invitation } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
    await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitation.id]);
    await accept(invitation.token).expect(401);
  });

  it('refuses an unknown token and a weak password for a new account', async () => {
    await accept('no-such-invitation').expect(401);
    const { body: invitation } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
    const weak = await accept(invitation.token, 'password123').expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    await accept(invitation.token).expect(201);
  });

  it('adds the role to an existing account when its password is given', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    const { body: invitation } = await invite(admin, { email: entrepreneur.email.toUpperCase(), role: 'reviewer' }).expect(201);
    await accept(invitation.token, 'not-the-right-password').expect(401);
    await accept(invitation.token, entrepreneur.password, 'Ignored Name').expect(201);
    const again = await login(server, entrepreneur.email, entrepreneur.password);
    const me = await server.http.get('/api/me').set(again.auth).expect(200);
    expect(me.body.roles.sort()).toEqual(['entrepreneur', 'reviewer']);
    const { rows } = await server.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [entrepreneur.email]);
    expect(rows[0].n).toBe(1);
  });

  describe('pending invitations and revoking them', () => {
    const list = (caller: Session, query: Record<string, string> = {}) => server.http.get('/api/invitations').query(query).set(caller.auth);
    const revoke = (caller: Session, id: string) => server.http.post(`/api/invitations/${id}/revoke`).set(caller.auth);
    const all = async (caller: Session, query: Record<string, string> = {}) => {
      const items: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const { body } = await list(caller, { ...query, limit: '100', ...(cursor ? { cursor } : {}) }).expect(200);
        items.push(...body.items);
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };

    it('lists pending invitations, newest first, with the scope and the sender named and no token', async () => {
      const department = await createDepartment(server, admin);
      const { body: invitation } = await invite(admin, { email: uniqueEmail(), role: 'department_member', departmentId: department.id }).expect(201);
      const { body: first } = await list(admin, { limit: '1' }).expect(200);
      expect(first.items).toEqual([
        {
          id: invitation.id, email: invitation.email, role: 'department_member', status: 'pending',
          departmentId: department.id, departmentName: department.name,
          invitedBy: admin.userId, invitedByName: expect.any(String),
          createdAt: invitation.createdAt, expiresAt: invitation.expiresAt, acceptedAt: null, revokedAt: null,
        },
      ]);
      expect(JSON.stringify(first)).not.toContain(invitation.token);
      expect(first.nextCursor).toEqual(expect.any(String));
      const { body: second } = await list(admin, { limit: '1', cursor: first.nextCursor }).expect(200);
      expect(second.items[0].id).not.toBe(invitation.id);
    });

    it('leaves accepted and expired invitations out of the pending list, and lists them by status', async () => {
      const { body: accepted } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      await accept(accepted.token).expect(201);
      const { body: expired } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      await server.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
      const pending = (await all(admin)).map((item) => item.id);
      expect(pending).not.toContain(accepted.id);
      expect(pending).not.toContain(expired.id);
      expect((await all(admin, { status: 'accepted' })).map((item) => item.id)).toContain(accepted.id);
      expect((await all(admin, { status: 'expired' })).map((item) => item.id)).toContain(expired.id);
      await list(admin, { status: 'lost' }).expect(400);
    });

    it('shows a programme manager only the invitations they sent, with the cohort named', async () => {
      const mine = await programmeWithManager(server, admin);
      const cohort = await createCohort(server, mine.manager, mine.programme.id, { name: 'Jury för hösten' });
      const { body: own } = await invite(mine.manager, { email: uniqueEmail(), role: 'reviewer', cohortId: cohort.id }).expect(201);
      const { body: admins } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      const items = await all(mine.manager);
      expect(items).toEqual([expect.objectContaining({ id: own.id, cohortId: cohort.id, cohortName: 'Jury för hösten', invitedBy: mine.manager.userId })]);
      // Someone else's invitation is not the manager's to take back: 404, as for an unknown id.
      expect((await revoke(mine.manager, admins.id).expect(404)).body.code).toBe('not_found');
      await revoke(mine.manager, own.id).expect(200);
    });

    it('revokes: the token no longer works, the revocation is audited, and an accepted or revoked one is 409', async () => {
      const { body: invitation } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      const { body: revoked } = await revoke(admin, invitation.id).expect(200);
      expect(revoked).toMatchObject({ id: invitation.id, status: 'revoked', revokedAt: expect.any(String) });
      const refused = await accept(invitation.token).expect(401);
      expect(refused.body.code).toBe('invalid_invitation');
      expect((await all(admin)).map((item) => item.id)).not.toContain(invitation.id);
      expect((await all(admin, { status: 'revoked' })).map((item) => item.id)).toContain(invitation.id);
      const { rows } = await server.db.query(`SELECT action, from_state, to_state, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`, [invitation.id]);
      expect(rows[1]).toEqual({ action: 'invitation.revoked', from_state: 'pending', to_state: 'revoked', actor_id: admin.userId });
      expect((await revoke(admin, invitation.id).expect(409)).body).toMatchObject({ code: 'invalid_transition', from: 'revoked', allowed: [] });

      const { body: used } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      await accept(used.token).expect(201);
      expect((await revoke(admin, used.id).expect(409)).body).toMatchObject({ code: 'invalid_transition', from: 'accepted' });
    });

    it('refuses other roles (403) and callers without a token (401)', async () => {
      const entrepreneur = await registerEntrepreneur(server);
      const { body: invitation } = await invite(admin, { email: uniqueEmail(), role: 'reviewer' }).expect(201);
      await list(entrepreneur).expect(403);
      await revoke(entrepreneur, invitation.id).expect(403);
      await server.http.get('/api/invitations').expect(401);
      await accept(invitation.token).expect(201);
    });
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, once', async () => {
    const { rows } = await server.db.query(`SELECT roles FROM users WHERE 'admin' = ANY(roles) AND email = $1`, [admin.email]);
    expect(rows).toEqual([{ roles: ['admin'] }]);
  });
});
