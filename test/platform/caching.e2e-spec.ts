import { cohortBody, cohortWithTracks, loginAdmin, openCohort, programmeWithManager, registerEntrepreneur, SAMPLE_ANSWERS, TestServer, type Session } from '@samverka/testing';

describe('caching and ETags', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  describe('Cache-Control', () => {
    it('is no-store on every response with tokens or personal data, errors included', async () => {
      const person = await registerEntrepreneur(server);
      const { programme, manager } = await programmeWithManager(server, admin);
      const cohort = await openCohort(server, manager, programme.id);
      const responses = {
        login: await server.http.post('/api/auth/login').send({ email: person.email, password: person.password }).expect(200),
        refresh: await server.http.post('/api/auth/refresh').send({ refreshToken: person.refreshToken }).expect(200),
        me: await server.http.get('/api/me').set(person.auth).expect(200),
        export: await server.http.get('/api/me/export').set(person.auth).expect(200),
        users: await server.http.get('/api/users').set(admin.auth).expect(200),
        csv: await server.http.get(`/api/cohorts/${cohort.id}/reports/funnel?format=csv`).set(manager.auth).expect(200),
        unauthenticated: await server.http.get('/api/me').expect(401),
        unknownRoute: await server.http.get('/api/no-such-route').expect(404),
      };
      const cacheControl = Object.fromEntries(Object.entries(responses).map(([what, response]) => [what, response.headers['cache-control']]));
      expect(cacheControl).toEqual(Object.fromEntries(Object.keys(responses).map((what) => [what, 'no-store'])));
    });

    it('lets public reference data be kept', async () => {
      const response = await server.http.get('/api/reference/counties').expect(200);
      expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    });
  });

  describe('ETag', () => {
    const expectVersionEtag = (response: { headers: Record<string, string>; body: { version: number } }) => expect(response.headers.etag).toBe(`"${response.body.version}"`);

    it('is the version on creating a programme, a cohort and an application, and If-Match takes it', async () => {
      const programme = await server.http.post('/api/programmes').set(admin.auth).send({ name: 'Stadens acceleratorprogram' }).expect(201);
      expectVersionEtag(programme);
      await server.http.put(`/api/programmes/${programme.body.id}`).set(admin.auth).set('If-Match', programme.headers.etag).send({ name: 'Stadens program' }).expect(200);

      const { programme: managed, manager } = await programmeWithManager(server, admin);
      const cohort = await server.http.post('/api/cohorts').set(manager.auth).send(cohortBody(managed.id)).expect(201);
      expectVersionEtag(cohort);
      await server.http.put(`/api/cohorts/${cohort.body.id}`).set(manager.auth).set('If-Match', cohort.headers.etag).send({ seats: 7 }).expect(200);

      const opened = await server.http.post(`/api/cohorts/${cohort.body.id}/transitions`).set(manager.auth).send({ to: 'open' }).expect(200);
      expectVersionEtag(opened);

      const applicant = await registerEntrepreneur(server);
      const application = await server.http.post(`/api/cohorts/${cohort.body.id}/applications`).set(applicant.auth).send({ answers: SAMPLE_ANSWERS }).expect(201);
      expectVersionEtag(application);
      await server.http.put(`/api/applications/${application.body.id}`).set(applicant.auth).set('If-Match', application.headers.etag).send({ answers: SAMPLE_ANSWERS }).expect(200);
    });

    it('is the version on a replayed create too', async () => {
      const create = () => server.http.post('/api/programmes').set(admin.auth).set('Idempotency-Key', 'programme-once').send({ name: 'Upprepat program' }).expect(201);
      const first = await create();
      const replayed = await create();
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect([first.headers.etag, replayed.headers.etag]).toEqual(['"1"', '"1"']);
    });

    it('is the version on creating a milestone', async () => {
      const { trackIds, member } = await cohortWithTracks(server, ['Amira']);
      const milestone = await server.http.post(`/api/tracks/${trackIds[0]}/milestones`).set(member.auth).send({ title: 'Första prototyp', dueOn: '2026-12-01' }).expect(201);
      expectVersionEtag(milestone);
      await server.http.patch(`/api/tracks/${trackIds[0]}/milestones/${milestone.body.id}`).set(member.auth).set('If-Match', milestone.headers.etag).send({ done: true }).expect(200);
    });

    it('is never a hash of the body', async () => {
      const lists = [await server.http.get('/api/programmes').set(admin.auth).expect(200), await server.http.get('/api/reference/sdgs').expect(200), await server.http.get('/api/me').set(admin.auth).expect(200)];
      expect(lists.map((response) => response.headers.etag)).toEqual([undefined, undefined, expect.stringMatching(/^"\d+"$/)]);
    });
  });
});
