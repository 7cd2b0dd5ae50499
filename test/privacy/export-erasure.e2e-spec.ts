import { DEFAULT_PASSWORD, loginAdmin, openCohort, programmeWithManager, registerEntrepreneur, submittedApplicant, TestServer, type Session } from '@samverka/testing';

describe('export and erasure of a person’s data', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let cohortId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    const programme = await programmeWithManager(server, admin);
    manager = programme.manager;
    cohortId = (await openCohort(server, manager, programme.programme.id)).id;
  });
  afterAll(() => server.stop());

  async function applicantWithProfile(name: string): Promise<{ person: Session; applicationId: string }> {
    const { entrepreneur, application } = await submittedApplicant(server, cohortId, name);
    await server.http
      .put('/api/entrepreneurs/me')
      .set(entrepreneur.auth)
      .send({ kind: 'researcher', organisation: 'Lunds universitet', pitch: 'Jag heter Elsa och forskar om ensamhet.', competences: ['intervjuer'], sdgs: [3], languages: ['sv'] })
      .expect(201);
    return { person: entrepreneur, applicationId: application.id };
  }

  it('exports everything about the caller as JSON', async () => {
    const { person, applicationId } = await applicantWithProfile('Elsa Export');
    await server.http.put('/api/me/consents/newsletter').set(person.auth).send({ given: true, textVersion: 1 }).expect(200);
    const exported = await server.http.get('/api/me/export').set(person.auth).expect(200);
    expect(exported.body.account).toMatchObject({ id: person.userId, email: person.email, displayName: 'Elsa Export', roles: ['entrepreneur'] });
    expect(exported.body.consents).toEqual([expect.objectContaining({ purpose: 'newsletter', given: true, textVersion: 1 })]);
    expect(exported.body.programmes.profile).toMatchObject({ pitch: 'Jag heter Elsa och forskar om ensamhet.', organisation: 'Lunds universitet' });
    expect(exported.body.programmes.applications).toEqual([expect.objectContaining({ id: applicationId, state: 'submitted', answers: expect.objectContaining({ idea: expect.any(String) }) })]);
    expect(exported.body.auditEvents.some((e: { action: string; asActor: boolean }) => e.action === 'consent.given' && e.asActor)).toBe(true);
    expect(exported.body.departments).toEqual({ memberships: [], challengeReviewsWritten: [] });
    expect(exported.body.account.invitations).toEqual([]);
    const someoneElse = await registerEntrepreneur(server);
    const theirs = await server.http.get('/api/me/export').set(someoneElse.auth).expect(200);
    expect(JSON.stringify(theirs.body)).not.toContain(person.email);
  });

  it('exports the invitation that brought a person in, without its token', async () => {
    const exported = await server.http.get('/api/me/export').set(manager.auth).expect(200);
    expect(exported.body.account.invitations).toEqual([
      { email: manager.email, role: 'programme_manager', scope: { programmeId: expect.any(String) }, sentAt: expect.any(String), expiresAt: expect.any(String), acceptedAt: expect.any(String), revokedAt: null },
    ]);
    expect(JSON.stringify(exported.body.account)).not.toMatch(/token/i);
  });

  it('erases on request: no more logins, personal fields gone, counts and audit intact without personal data', async () => {
    const { person, applicationId } = await applicantWithProfile('Elsa Erasa');
    const before = await server.http.get(`/api/cohorts/${cohortId}/applications`).set(manager.auth).expect(200);

    await server.http.delete('/api/me').set(person.auth).send({ password: 'not my password' }).expect(401);
    await server.http.delete('/api/me').set(person.auth).send({ password: DEFAULT_PASSWORD }).expect(204);

    await server.http.get('/api/me').set(person.auth).expect(401);
    await server.http.post('/api/auth/login').send({ email: person.email, password: DEFAULT_PASSWORD }).expect(401);
    await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);

    const after = await server.http.get(`/api/cohorts/${cohortId}/applications`).set(manager.auth).expect(200);
    expect(after.body.items.length).toBe(before.body.items.length);
    const application = await server.http.get(`/api/applications/${applicationId}`).set(manager.auth).expect(200);
    expect(application.body.state).toBe('submitted');
    expect(application.body.answers).not.toHaveProperty('idea');
    expect(application.body.answers).toHaveProperty('team_size', 3);
    const profile = await server.http.get(`/api/entrepreneurs/${person.userId}`).set(manager.auth).expect(200);
    expect(profile.body).toMatchObject({ pitch: '', organisation: '', sdgs: [3] });

    const { rows: users } = await server.db.query(`SELECT email, display_name, password_hash, status FROM users WHERE id = $1`, [person.userId]);
    expect(users[0]).toMatchObject({ display_name: 'Raderad användare', password_hash: null, status: 'erased' });
    expect(users[0].email).not.toContain('samverka.test');
    const { rows: trail } = await server.db.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1 AND action = 'user.erased'`, [person.userId]);
    expect(trail).toEqual([{ action: 'user.erased', actor_id: person.userId }]);
    const { rows: leaks } = await server.db.query(
      `SELECT count(*)::int AS n FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE concat_ws(' ', reason, details::text) ILIKE '%' || $1 || '%' OR concat_ws(' ', reason, details::text) ILIKE '%Elsa%'`,
      [person.email],
    );
    expect(leaks[0].n).toBe(0);
  });

  it('lets an admin erase a person who asked by other means, and nobody else', async () => {
    const { person } = await applicantWithProfile('Elsa Brev');
    const other = await registerEntrepreneur(server);
    await server.http.delete(`/api/users/${person.userId}`).set(other.auth).send({ reason: 'Begäran per brev' }).expect(403);
    await server.http.delete(`/api/users/${person.userId}`).set(admin.auth).send({}).expect(400);
    await server.http.delete(`/api/users/${person.userId}`).set(admin.auth).send({ reason: 'Begäran per brev' }).expect(204);
    await server.http.delete(`/api/users/${person.userId}`).set(admin.auth).send({ reason: 'Begäran per brev' }).expect(404);
    await server.http.get('/api/me').set(person.auth).expect(401);
  });
});
