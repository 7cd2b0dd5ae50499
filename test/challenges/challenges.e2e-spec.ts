import {
  completeChallengeContent,
  createDepartment,
  createTestEnvironment,
  departmentMember,
  draftChallenge,
  invitePerson,
  loginAdmin,
  registerEntrepreneur,
  submittedChallenge,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('challenges: drafting, editing, submission', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let member: Session;
  let colleague: Session;
  let otherMember: Session;
  let departmentId: string;
  let otherDepartmentId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    manager = await invitePerson(server, admin, 'programme_manager');
    departmentId = (await createDepartment(server, admin)).id;
    otherDepartmentId = (await createDepartment(server, admin)).id;
    member = await departmentMember(server, admin, departmentId);
    colleague = await departmentMember(server, admin, departmentId);
    otherMember = await departmentMember(server, admin, otherDepartmentId);
  });
  afterAll(() => server.stop());

  const challengeCount = async (): Promise<number> => Number((await server.db.query(`SELECT count(*) FROM challenges`)).rows[0].count);

  describe('drafting', () => {
    it('a member drafts a challenge for their department; tags are normalised', async () => {
      const response = await server.http
        .post('/api/challenges')
        .set(member.auth)
        .send({ departmentId, ...completeChallengeContent({ themes: ['  Social   Hållbarhet ', 'social hållbarhet'], competences: ['UX', 'ux '] }) })
        .expect(201);
      expect(response.body).toMatchObject({ state: 'draft', departmentId, version: 1, themes: ['social hållbarhet'], competences: ['ux'], seats: 1, cohortId: null });
      expect(response.headers.etag).toBe('"1"');
      const audit = await server.db.query(`SELECT action, to_state FROM audit_events WHERE entity_id = $1`, [response.body.id]);
      expect(audit.rows).toEqual([{ action: 'challenge.created', to_state: 'draft' }]);
    });

    it('a draft needs only a title', async () => {
      const response = await server.http.post('/api/challenges').set(member.auth).send({ departmentId, title: 'Ensamhet bland äldre' }).expect(201);
      expect(response.body.routeToAdoption).toEqual({ needOwner: { name: null, role: null, email: null, phone: null }, uptake: null, uptakeNote: null, adoptedMeans: null });
    });

    it("is refused for another department (404) and for non-members' roles (403)", async () => {
      await server.http.post('/api/challenges').set(otherMember.auth).send({ departmentId, title: 'X' }).expect(404);
      await server.http.post('/api/challenges').set(manager.auth).send({ departmentId, title: 'X' }).expect(403);
      await server.http.post('/api/challenges').set(admin.auth).send({ departmentId, title: 'X' }).expect(403);
      await server.http.post('/api/challenges').send({ departmentId, title: 'X' }).expect(401);
    });
  });

  describe('bad input is refused naming the field, and nothing is written', () => {
    const refusedWith = async (overrides: Record<string, unknown>, field: string, status = 400) => {
      const before = await challengeCount();
      const response = await server.http.post('/api/challenges').set(member.auth).send({ departmentId, ...completeChallengeContent(overrides) }).expect(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      if (status === 400) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await challengeCount()).toBe(before);
      return response;
    };

    it('SDG 18', () => refusedWith({ sdgs: [3, 18] }, 'sdgs'));
    it('an unknown municipality code', () => refusedWith({ municipalityCode: '9999' }, 'municipalityCode'));
    it('seats 0', () => refusedWith({ seats: 0 }, 'seats'));
    it('a language that is not ISO 639-1', () => refusedWith({ languages: ['swedish'] }, 'languages'));
    it('an unknown field', () => refusedWith({ budget: 100 }, 'budget'));
    it('an unknown uptake route', () => refusedWith({ routeToAdoption: { uptake: 'hope' } }, 'routeToAdoption.uptake'));
    it('a problem statement over 20,000 characters', () => refusedWith({ problemStatement: 'å'.repeat(20_001) }, 'problemStatement'));

    it('a 2 MB problem statement is refused by the body limit (413) before validation', async () => {
      const response = await refusedWith({ problemStatement: 'x'.repeat(2 * 1024 * 1024) }, 'problemStatement', 413);
      expect(response.body.code).toBe('body_too_large');
    });

    it('a test environment of another department', async () => {
      const foreign = await createTestEnvironment(server, otherMember, otherDepartmentId);
      await refusedWith({ testEnvironmentIds: [foreign.id] }, 'testEnvironmentIds');
    });

    it('a retired test environment of its own department', async () => {
      const environment = await createTestEnvironment(server, member, departmentId, { name: 'Gamla skolan' });
      await server.http
        .put(`/api/departments/${departmentId}/test-environments/${environment.id}`)
        .set(member.auth)
        .set('If-Match', '"1"')
        .send({ name: 'Gamla skolan', municipalityCode: '1283', contactName: 'K', writtenConsentRequired: false, active: false })
        .expect(200);
      await refusedWith({ testEnvironmentIds: [environment.id] }, 'testEnvironmentIds');
    });
  });

  describe('editing', () => {
    it("offers the department's own test environments", async () => {
      const environment = await createTestEnvironment(server, member, departmentId);
      const challenge = await draftChallenge(server, member, departmentId, { testEnvironmentIds: [environment.id] });
      const read = await server.http.get(`/api/challenges/${challenge.id}`).set(member.auth).expect(200);
      expect(read.body.testEnvironmentIds).toEqual([environment.id]);
    });

    it('replaces the content under If-Match: missing 428, stale 412', async () => {
      const challenge = await draftChallenge(server, member, departmentId);
      const path = `/api/challenges/${challenge.id}`;
      await server.http.put(path).set(member.auth).send(completeChallengeContent({ seats: 2 })).expect(428);
      const updated = await server.http.put(path).set(colleague.auth).set('If-Match', '"1"').send(completeChallengeContent({ seats: 2 })).expect(200);
      expect(updated.body).toMatchObject({ seats: 2, version: 2 });
      expect(updated.headers.etag).toBe('"2"');
      const stale = await server.http.put(path).set(member.auth).set('If-Match', '"1"').send(completeChallengeContent({ seats: 3 })).expect(412);
      expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      const invalid = await server.http.put(path).set(member.auth).set('If-Match', '"2"').send(completeChallengeContent({ seats: 3, sdgs: [4], municipalityCode: '9999' })).expect(400);
      expect(invalid.body.errors[0].field).toBe('municipalityCode');
      expect((await server.http.get(path).set(member.auth).expect(200)).body).toMatchObject({ seats: 2, version: 2, sdgs: [4, 10] });
      const audit = await server.db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'challenge.updated'`, [challenge.id]);
      expect(audit.rows).toEqual([{ details: { fields: ['seats'] } }]);
    });

    it('two members editing one draft at once: one wins, the other gets 412, no edit is lost silently', async () => {
      const challenge = await draftChallenge(server, member, departmentId);
      const path = `/api/challenges/${challenge.id}`;
      const [first, second] = await Promise.all([
        server.http.put(path).set(member.auth).set('If-Match', '"1"').send(completeChallengeContent({ title: 'Version A' })),
        server.http.put(path).set(colleague.auth).set('If-Match', '"1"').send(completeChallengeContent({ title: 'Version B' })),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const winner = first.status === 200 ? 'Version A' : 'Version B';
      const read = await server.http.get(path).set(member.auth).expect(200);
      expect(read.body).toMatchObject({ title: winner, version: 2 });
    });

    it('only drafts and challenges with changes requested can be edited (409 otherwise)', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      const response = await server.http.put(`/api/challenges/${challenge.id}`).set(member.auth).set('If-Match', `"${challenge.version}"`).send(completeChallengeContent()).expect(409);
      expect(response.body.code).toBe('challenge_not_editable');
    });

    it("is not found for another department's member and refused for managers", async () => {
      const challenge = await draftChallenge(server, member, departmentId);
      await server.http.put(`/api/challenges/${challenge.id}`).set(otherMember.auth).set('If-Match', '"1"').send(completeChallengeContent()).expect(404);
      await server.http.put(`/api/challenges/${challenge.id}`).set(manager.auth).set('If-Match', '"1"').send(completeChallengeContent()).expect(403);
    });
  });

  describe('submission', () => {
    it('is refused without a complete route to adoption, naming what is missing', async () => {
      const challenge = await draftChallenge(server, member, departmentId, { routeToAdoption: { needOwner: { name: 'Eva Ek' }, uptake: 'none_yet' } });
      const response = await server.http.post(`/api/challenges/${challenge.id}/submit`).set(member.auth).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['routeToAdoption.needOwner.role', 'routeToAdoption.uptakeNote', 'routeToAdoption.adoptedMeans']);
      const read = await server.http.get(`/api/challenges/${challenge.id}`).set(member.auth).expect(200);
      expect(read.body.state).toBe('draft');
      const revisions = await server.db.query(`SELECT count(*) FROM challenge_revisions WHERE challenge_id = $1`, [challenge.id]);
      expect(revisions.rows[0].count).toBe('0');
    });

    it('stores an immutable revision and audits the transition in the same transaction', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      expect(challenge.state).toBe('submitted');
      const audit = await server.db.query(`SELECT action, from_state, to_state, details FROM audit_events WHERE entity_id = $1 AND action = 'challenge.submitted'`, [challenge.id]);
      expect(audit.rows).toEqual([{ action: 'challenge.submitted', from_state: 'draft', to_state: 'submitted', details: { revision: 1 } }]);
      await expect(server.db.query(`UPDATE challenge_revisions SET content = '{}' WHERE challenge_id = $1`, [challenge.id])).rejects.toThrow(/immutable/);
      await expect(server.db.query(`DELETE FROM challenge_revisions WHERE challenge_id = $1`, [challenge.id])).rejects.toThrow(/immutable/);
    });

    it('a second submit is a 409 naming the allowed moves', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      const response = await server.http.post(`/api/challenges/${challenge.id}/submit`).set(member.auth).expect(409);
      expect(response.body).toMatchObject({ code: 'invalid_transition', from: 'submitted', to: 'submitted' });
      expect(response.body.allowed).toEqual(['approved', 'changes_requested', 'rejected', 'withdrawn']);
    });

    it('is for members of the department only', async () => {
      const challenge = await draftChallenge(server, member, departmentId);
      await server.http.post(`/api/challenges/${challenge.id}/submit`).set(otherMember.auth).expect(404);
      await server.http.post(`/api/challenges/${challenge.id}/submit`).set(manager.auth).expect(403);
    });
  });

  describe('withdrawal', () => {
    it('is possible before in_test, with a reason in the audit trail; a withdrawn challenge is final', async () => {
      const challenge = await submittedChallenge(server, member, departmentId);
      const response = await server.http.post(`/api/challenges/${challenge.id}/withdraw`).set(member.auth).send({ reason: 'Budgeten drogs in' }).expect(200);
      expect(response.body.state).toBe('withdrawn');
      const audit = await server.db.query(`SELECT from_state, to_state, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'challenge.withdrawn'`, [challenge.id]);
      expect(audit.rows).toEqual([{ from_state: 'submitted', to_state: 'withdrawn', reason: 'Budgeten drogs in' }]);
      await server.http.post(`/api/challenges/${challenge.id}/withdraw`).set(member.auth).send({}).expect(409);
    });

    it("is refused for another department's member, managers and entrepreneurs", async () => {
      const challenge = await draftChallenge(server, member, departmentId);
      await server.http.post(`/api/challenges/${challenge.id}/withdraw`).set(otherMember.auth).send({}).expect(404);
      await server.http.post(`/api/challenges/${challenge.id}/withdraw`).set(manager.auth).send({}).expect(403);
    });
  });

  describe('scopes', () => {
    it('a member sees only their departments’ challenges; others are 404', async () => {
      const own = await draftChallenge(server, member, departmentId, { title: 'Egen utmaning' });
      const foreign = await draftChallenge(server, otherMember, otherDepartmentId, { title: 'Annans utmaning' });
      await server.http.get(`/api/challenges/${foreign.id}`).set(member.auth).expect(404);
      const list = await server.http.get('/api/challenges?limit=100').set(member.auth).expect(200);
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(foreign.id);
      expect(list.body.items.every((c: { departmentId: string }) => c.departmentId === departmentId)).toBe(true);
    });

    it('a manager never sees drafts, but sees submitted challenges with the need owner', async () => {
      const draft = await draftChallenge(server, member, departmentId);
      const submitted = await submittedChallenge(server, member, departmentId);
      await server.http.get(`/api/challenges/${draft.id}`).set(manager.auth).expect(404);
      const read = await server.http.get(`/api/challenges/${submitted.id}`).set(manager.auth).expect(200);
      expect(read.body.routeToAdoption.needOwner).toMatchObject({ name: 'Eva Ek', email: 'eva.ek@helsingborg.test' });
      const list = await server.http.get('/api/challenges?limit=100').set(manager.auth).expect(200);
      expect(list.body.items.every((c: { state: string }) => c.state !== 'draft')).toBe(true);
      await server.http.get(`/api/challenges/${draft.id}/revisions`).set(manager.auth).expect(404);
    });

    it('an entrepreneur who applied nowhere sees nothing; a reviewer is refused', async () => {
      const submitted = await submittedChallenge(server, member, departmentId);
      const entrepreneur = await registerEntrepreneur(server);
      const list = await server.http.get('/api/challenges').set(entrepreneur.auth).expect(200);
      expect(list.body).toEqual({ items: [], nextCursor: null });
      await server.http.get(`/api/challenges/${submitted.id}`).set(entrepreneur.auth).expect(404);
      await server.http.get(`/api/challenges/${submitted.id}/revisions`).set(entrepreneur.auth).expect(403);
      const reviewer = await invitePerson(server, admin, 'reviewer');
      await server.http.get('/api/challenges').set(reviewer.auth).expect(403);
    });

    it('an admin sees everything, drafts included', async () => {
      const draft = await draftChallenge(server, member, departmentId);
      await server.http.get(`/api/challenges/${draft.id}`).set(admin.auth).expect(200);
    });

    it('a malformed id is 400, an unknown one 404', async () => {
      await server.http.get('/api/challenges/not-a-uuid').set(member.auth).expect(400);
      await server.http.get('/api/challenges/00000000-0000-4000-8000-000000000000').set(member.auth).expect(404);
    });
  });

  describe('lists', () => {
    it('are paginated with a cursor and filtered by state and department', async () => {
      const first = await server.http.get(`/api/challenges?limit=2&departmentId=${departmentId}`).set(member.auth).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await server.http.get(`/api/challenges?limit=2&departmentId=${departmentId}&cursor=${first.body.nextCursor}`).set(member.auth).expect(200);
      const firstIds = first.body.items.map((c: { id: string }) => c.id);
      expect(second.body.items.some((c: { id: string }) => firstIds.includes(c.id))).toBe(false);
      const submitted = await server.http.get('/api/challenges?state=submitted&limit=100').set(member.auth).expect(200);
      expect(submitted.body.items.every((c: { state: string }) => c.state === 'submitted')).toBe(true);
      await server.http.get('/api/challenges?state=bogus').set(member.auth).expect(400);
    });
  });
});
