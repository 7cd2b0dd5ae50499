import { createProgramme, invitePerson, loginAdmin, programmeWithManager, registerEntrepreneur, SAMPLE_QUESTIONS, TestServer, type Session } from '@samverka/testing';

describe('programmes', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('an admin creates a programme with defaults and it is audited', async () => {
    const programme = await createProgramme(server, admin, { name: 'Acceleratorn Helsingborg' });
    expect(programme).toMatchObject({ name: 'Acceleratorn Helsingborg', managerIds: [], version: 1 });
    const { rows } = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [programme.id]);
    expect(rows.map((r) => r.action)).toEqual(['programme.created']);
  });

  it('a programme manager invited to a programme manages it, and sees only the programmes they manage', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const other = await createProgramme(server, admin);

    const list = await server.http.get('/api/programmes').set(manager.auth).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([programme.id]);
    const mine = await server.http.get(`/api/programmes/${programme.id}`).set(manager.auth).expect(200);
    expect(mine.body.managerIds).toEqual([manager.userId]);
    expect(mine.headers.etag).toBe('"1"');

    await server.http.get(`/api/programmes/${other.id}`).set(manager.auth).expect(404);
    await server.http.put(`/api/programmes/${other.id}`).set(manager.auth).set('If-Match', '"1"').send({ name: 'Kapad' }).expect(404);
  });

  it('a manager changes their programme with If-Match; a missing version is 428, a stale one 412', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    await server.http.put(`/api/programmes/${programme.id}`).set(manager.auth).send({ description: 'Ny' }).expect(428);
    const updated = await server.http.put(`/api/programmes/${programme.id}`).set(manager.auth).set('If-Match', '"1"').send({ description: 'Ny' }).expect(200);
    expect(updated.body).toMatchObject({ description: 'Ny', version: 2 });
    expect(updated.headers.etag).toBe('"2"');
    await server.http.put(`/api/programmes/${programme.id}`).set(manager.auth).set('If-Match', '"1"').send({ description: 'Gammal' }).expect(412);
  });

  it('bad defaults are 400 naming the field', async () => {
    const duplicate = await server.http
      .post('/api/programmes')
      .set(admin.auth)
      .send({ name: 'Dubbel', defaultQuestions: [SAMPLE_QUESTIONS[0], SAMPLE_QUESTIONS[0]] })
      .expect(400);
    expect(duplicate.body.errors).toEqual([{ field: 'defaultQuestions[1].key', message: 'the key idea is used twice', code: 'invalid' }]);
    const noOptions = await server.http
      .post('/api/programmes')
      .set(admin.auth)
      .send({ name: 'Val', defaultQuestions: [{ key: 'x', label: 'X', type: 'single_choice', required: true }] })
      .expect(400);
    expect(noOptions.body.errors[0].field).toBe('defaultQuestions[0].options');
    const badWeight = await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Vikt', defaultRubric: [{ key: 'x', label: 'X', weight: 0 }] }).expect(400);
    expect(badWeight.body.errors[0].field).toBe('defaultRubric[0].weight');
    await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Okänt', colour: 'red' }).expect(400);
  });

  it('an admin replaces the managers; each must hold the programme_manager role', async () => {
    const programme = await createProgramme(server, admin);
    const first = await invitePerson(server, admin, 'programme_manager');
    const second = await invitePerson(server, admin, 'programme_manager');
    const entrepreneur = await registerEntrepreneur(server);

    const refused = await server.http.put(`/api/programmes/${programme.id}/managers`).set(admin.auth).send({ userIds: [first.userId, entrepreneur.userId] }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'userIds[1]', message: `${entrepreneur.userId} is not an active programme manager`, code: 'invalid' }]);

    const set = await server.http.put(`/api/programmes/${programme.id}/managers`).set(admin.auth).send({ userIds: [first.userId, second.userId] }).expect(200);
    expect(set.body.managerIds.sort()).toEqual([first.userId, second.userId].sort());
    await server.http.get(`/api/programmes/${programme.id}`).set(second.auth).expect(200);

    await server.http.put(`/api/programmes/${programme.id}/managers`).set(admin.auth).send({ userIds: [first.userId] }).expect(200);
    await server.http.get(`/api/programmes/${programme.id}`).set(second.auth).expect(404);
    const { rows } = await server.db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'programme.managers_changed' ORDER BY occurred_at`, [programme.id]);
    expect(rows.at(-1).details).toEqual({ added: [], removed: [second.userId] });
  });

  it('refuses programme routes to roles outside them', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const entrepreneur = await registerEntrepreneur(server);
    await server.http.post('/api/programmes').set(manager.auth).send({ name: 'Egen' }).expect(403);
    await server.http.put(`/api/programmes/${programme.id}/managers`).set(manager.auth).send({ userIds: [] }).expect(403);
    await server.http.get('/api/programmes').set(entrepreneur.auth).expect(403);
    await server.http.get('/api/programmes').expect(401);
  });
});
