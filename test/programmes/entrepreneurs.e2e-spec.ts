import { applyTo, invitePerson, loginAdmin, openCohort, programmeWithManager, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

const profile = {
  kind: 'social_entrepreneur',
  organisation: 'Språkcaféet ek. för.',
  competences: ['  Service   Design ', 'service design', 'Facilitering'],
  themes: ['Integration', 'ensamhet'],
  sdgs: [10, 4, 10],
  languages: ['SV', 'ar'],
  municipalityCode: '1283',
  hoursPerWeek: 10,
  pitch: 'Språkcaféer där nyanlända och äldre möts.',
};

describe('entrepreneur profiles', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('an entrepreneur creates their profile (201), normalised, with the county of their municipality', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    await server.http.get('/api/entrepreneurs/me').set(entrepreneur.auth).expect(404);
    const created = await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send(profile).expect(201);
    expect(created.body).toMatchObject({
      userId: entrepreneur.userId,
      competences: ['service design', 'facilitering'],
      themes: ['integration', 'ensamhet'],
      sdgs: [4, 10],
      languages: ['sv', 'ar'],
      municipalityCode: '1283',
      countyCode: '12',
      version: 1,
    });
    expect(created.headers.etag).toBe('"1"');
    const read = await server.http.get('/api/entrepreneurs/me').set(entrepreneur.auth).expect(200);
    expect(read.body.pitch).toBe(profile.pitch);
  });

  it('changes need the version read (If-Match): none is 428, stale 412', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send(profile).expect(201);
    await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send({ ...profile, kind: 'researcher' }).expect(428);
    const updated = await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).set('If-Match', '"1"').send({ ...profile, kind: 'researcher' }).expect(200);
    expect(updated.body).toMatchObject({ kind: 'researcher', version: 2 });
    await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).set('If-Match', '"1"').send(profile).expect(412);
  });

  it.each([
    ['sdgs', { sdgs: [18] }],
    ['municipalityCode', { municipalityCode: '9999' }],
    ['languages', { languages: ['sv', 'zz'] }],
    ['kind', { kind: 'investor' }],
    ['hoursPerWeek', { hoursPerWeek: 200 }],
  ])('refuses a bad %s with a problem naming it', async (field, change) => {
    const entrepreneur = await registerEntrepreneur(server);
    const refused = await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send({ ...profile, ...change }).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('managers read the profiles of their cohorts’ applicants; nobody else does', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const { manager: otherManager } = await programmeWithManager(server, admin);
    const cohort = await openCohort(server, manager, programme.id);
    const applicant = await registerEntrepreneur(server);
    await server.http.put('/api/entrepreneurs/me').set(applicant.auth).send(profile).expect(201);
    const draft = await applyTo(server, applicant, cohort.id);

    // A draft is not an application the manager sees yet.
    await server.http.get(`/api/entrepreneurs/${applicant.userId}`).set(manager.auth).expect(404);
    await server.http.post(`/api/applications/${draft.id}/submit`).set(applicant.auth).expect(200);
    const read = await server.http.get(`/api/entrepreneurs/${applicant.userId}`).set(manager.auth).expect(200);
    expect(read.body.organisation).toBe(profile.organisation);

    await server.http.get(`/api/entrepreneurs/${applicant.userId}`).set(otherManager.auth).expect(404);
    const another = await registerEntrepreneur(server);
    await server.http.get(`/api/entrepreneurs/${applicant.userId}`).set(another.auth).expect(403);
    const reviewer = await invitePerson(server, manager, 'reviewer', { cohortId: cohort.id });
    await server.http.get(`/api/entrepreneurs/${applicant.userId}`).set(reviewer.auth).expect(403);
    await server.http.get('/api/entrepreneurs/me').set(manager.auth).expect(403);
  });
});
