import {
  createDepartment,
  createTestEnvironment,
  departmentMember,
  HELSINGBORG,
  invitePerson,
  loginAdmin,
  registerEntrepreneur,
  testEnvironmentBody,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('departments, members and test environments', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let skola: { id: string; version: number };
  let omsorg: { id: string };
  let skolaMember: Session;
  let omsorgMember: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    manager = await invitePerson(server, admin, 'programme_manager');
    skola = await createDepartment(server, admin, { name: 'Skol- och fritidsförvaltningen' });
    omsorg = await createDepartment(server, admin, { name: 'Vård- och omsorgsförvaltningen' });
    skolaMember = await departmentMember(server, admin, skola.id);
    omsorgMember = await departmentMember(server, manager, omsorg.id);
  });
  afterAll(() => server.stop());

  describe('departments', () => {
    it('are created by admins with a municipality from the reference table', async () => {
      const response = await server.http.get(`/api/departments/${skola.id}`).set(admin.auth).expect(200);
      expect(response.body).toMatchObject({ name: 'Skol- och fritidsförvaltningen', organisation: 'Helsingborgs stad', municipalityCode: HELSINGBORG, version: 1 });
      expect(response.headers.etag).toBe('"1"');
      const audit = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [skola.id]);
      expect(audit.rows.map((r) => r.action)).toContain('department.created');
    });

    it('refuses an unknown municipality code, naming the field', async () => {
      const response = await server.http.post('/api/departments').set(admin.auth).send({ name: 'X', organisation: 'Y', municipalityCode: '9999' }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'municipalityCode' })]);
    });

    it('refuses a second department of the same name in one organisation', async () => {
      const response = await server.http.post('/api/departments').set(admin.auth).send({ name: 'Skol- och fritidsförvaltningen', organisation: 'Helsingborgs stad', municipalityCode: HELSINGBORG }).expect(409);
      expect(response.body.code).toBe('department_exists');
    });

    it('are created and edited by admins only', async () => {
      await server.http.post('/api/departments').set(manager.auth).send({ name: 'X', organisation: 'Y', municipalityCode: HELSINGBORG }).expect(403);
      await server.http.put(`/api/departments/${skola.id}`).set(skolaMember.auth).set('If-Match', '"1"').send({ name: 'X', organisation: 'Y', municipalityCode: HELSINGBORG }).expect(403);
    });

    it('are edited with If-Match: missing is 428, stale is 412', async () => {
      const body = { name: 'Skol- och fritidsförvaltningen', organisation: 'Helsingborgs stad', municipalityCode: HELSINGBORG, description: 'Skola och fritid' };
      await server.http.put(`/api/departments/${skola.id}`).set(admin.auth).send(body).expect(428);
      const updated = await server.http.put(`/api/departments/${skola.id}`).set(admin.auth).set('If-Match', '"1"').send(body).expect(200);
      expect(updated.body).toMatchObject({ description: 'Skola och fritid', version: 2 });
      await server.http.put(`/api/departments/${skola.id}`).set(admin.auth).set('If-Match', '"1"').send(body).expect(412);
    });

    it('are listed for admins and managers in full, for members only their own', async () => {
      const all = await server.http.get('/api/departments').set(manager.auth).expect(200);
      expect(all.body.items.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([skola.id, omsorg.id]));
      const own = await server.http.get('/api/departments').set(skolaMember.auth).expect(200);
      expect(own.body.items.map((d: { id: string }) => d.id)).toEqual([skola.id]);
      expect(own.body.nextCursor).toBeNull();
    });

    it("hide another department from a member (404) and refuse entrepreneurs (403)", async () => {
      await server.http.get(`/api/departments/${omsorg.id}`).set(skolaMember.auth).expect(404);
      const entrepreneur = await registerEntrepreneur(server);
      await server.http.get('/api/departments').set(entrepreneur.auth).expect(403);
      await server.http.get('/api/departments').expect(401);
    });
  });

  describe('members', () => {
    it('join by accepting an invitation from the members route (admin or manager)', async () => {
      const members = await server.http.get(`/api/departments/${omsorg.id}/members`).set(omsorgMember.auth).expect(200);
      expect(members.body.items).toEqual([expect.objectContaining({ userId: omsorgMember.userId, email: omsorgMember.email })]);
    });

    it('can belong to several departments; an existing member is added by userId', async () => {
      const added = await server.http.post(`/api/departments/${omsorg.id}/members`).set(admin.auth).send({ userId: skolaMember.userId }).expect(201);
      expect(added.body).toMatchObject({ status: 'added', member: { userId: skolaMember.userId } });
      const own = await server.http.get('/api/departments').set(skolaMember.auth).expect(200);
      expect(own.body.items).toHaveLength(2);
      await server.http.post(`/api/departments/${omsorg.id}/members`).set(admin.auth).send({ userId: skolaMember.userId }).expect(409);
      await server.http.delete(`/api/departments/${omsorg.id}/members/${skolaMember.userId}`).set(admin.auth).expect(204);
      await server.http.get(`/api/departments/${omsorg.id}`).set(skolaMember.auth).expect(404);
    });

    it('refuses adding someone without the department_member role, and bodies with both or neither', async () => {
      const entrepreneur = await registerEntrepreneur(server);
      const refused = await server.http.post(`/api/departments/${skola.id}/members`).set(admin.auth).send({ userId: entrepreneur.userId }).expect(400);
      expect(refused.body.errors[0].field).toBe('userId');
      await server.http.post(`/api/departments/${skola.id}/members`).set(admin.auth).send({}).expect(400);
    });

    it('are managed by admins and managers only; removal by admins only', async () => {
      await server.http.post(`/api/departments/${skola.id}/members`).set(skolaMember.auth).send({ email: 'x@samverka.test' }).expect(403);
      await server.http.delete(`/api/departments/${skola.id}/members/${skolaMember.userId}`).set(manager.auth).expect(403);
      await server.http.get(`/api/departments/${omsorg.id}/members`).set(skolaMember.auth).expect(404);
    });
  });

  describe('test environments', () => {
    it('are registered by members of the department, with consent rules', async () => {
      const environment = await createTestEnvironment(server, skolaMember, skola.id);
      const read = await server.http.get(`/api/departments/${skola.id}/test-environments/${environment.id}`).set(manager.auth).expect(200);
      expect(read.body).toMatchObject({ departmentId: skola.id, writtenConsentRequired: true, active: true, maxParticipants: 30, availableFrom: '2026-01-01' });
      expect(read.headers.etag).toBe('"1"');
    });

    it("are not registered by members of another department, managers or admins", async () => {
      await server.http.post(`/api/departments/${skola.id}/test-environments`).set(omsorgMember.auth).send(testEnvironmentBody()).expect(404);
      await server.http.post(`/api/departments/${skola.id}/test-environments`).set(manager.auth).send(testEnvironmentBody()).expect(403);
    });

    it('refuses bad input naming the field', async () => {
      const dates = await server.http.post(`/api/departments/${skola.id}/test-environments`).set(skolaMember.auth).send(testEnvironmentBody({ availableFrom: '2026-06-01', availableTo: '2026-01-01' })).expect(400);
      expect(dates.body.errors[0].field).toBe('availableTo');
      const users = await server.http.post(`/api/departments/${skola.id}/test-environments`).set(skolaMember.auth).send(testEnvironmentBody({ maxParticipants: 0 })).expect(400);
      expect(users.body.errors[0].field).toBe('maxParticipants');
    });

    it('are retired with active: false under If-Match, and listed by state', async () => {
      const environment = await createTestEnvironment(server, skolaMember, skola.id, { name: 'Fritidsgården' });
      const path = `/api/departments/${skola.id}/test-environments/${environment.id}`;
      await server.http.put(path).set(skolaMember.auth).send(testEnvironmentBody({ name: 'Fritidsgården', active: false })).expect(428);
      const retired = await server.http.put(path).set(skolaMember.auth).set('If-Match', '"1"').send(testEnvironmentBody({ name: 'Fritidsgården', active: false })).expect(200);
      expect(retired.body).toMatchObject({ active: false, version: 2 });
      await server.http.put(path).set(skolaMember.auth).set('If-Match', '"1"').send(testEnvironmentBody({ name: 'Fritidsgården' })).expect(412);
      const audit = await server.db.query(`SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`, [environment.id]);
      expect(audit.rows.at(-1)).toEqual({ action: 'test_environment.retired', from_state: 'active', to_state: 'retired' });
      const active = await server.http.get(`/api/departments/${skola.id}/test-environments?active=true`).set(skolaMember.auth).expect(200);
      expect(active.body.items.map((e: { id: string }) => e.id)).not.toContain(environment.id);
      const retiredList = await server.http.get(`/api/departments/${skola.id}/test-environments?active=false`).set(admin.auth).expect(200);
      expect(retiredList.body.items.map((e: { id: string }) => e.id)).toEqual([environment.id]);
    });

    it("of another department are not found for a member", async () => {
      await server.http.get(`/api/departments/${skola.id}/test-environments`).set(omsorgMember.auth).expect(404);
    });
  });
});
