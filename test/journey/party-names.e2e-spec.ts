import { cohortWithTracks, createDepartment, departmentMember, HELSINGBORG, programmeWithManager, registerEntrepreneur, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

/** Each side of a match or track sees who and what it is about, without reading the other side's records. */
describe('names on matches and tracks', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let amira: Session;
  let departmentName: string;
  let outsiders: Session[];
  let otherDepartmentId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    [amira] = cohort.participants;
    departmentName = (await server.http.get(`/api/departments/${cohort.departmentId}`).set(cohort.admin.auth).expect(200)).body.name;
    const otherDepartment = await createDepartment(server, cohort.admin);
    otherDepartmentId = otherDepartment.id;
    outsiders = [await departmentMember(server, cohort.admin, otherDepartment.id), await registerEntrepreneur(server), (await programmeWithManager(server, cohort.admin)).manager];
  });
  afterAll(() => server.stop());

  const amirasNames = () => ({ challengeTitle: 'Utmaning för Amira Haddad', departmentName, participantName: 'Amira Haddad' });

  it('names the challenge, the department and the participant on every match the caller sees, with the profile the department needs', async () => {
    const profile = { kind: 'social_entrepreneur', organisation: '', competences: [], municipalityCode: HELSINGBORG, hoursPerWeek: 10 };
    const own = (await server.http.get('/api/matches').set(amira.auth).expect(200)).body.items;
    expect(own).toEqual([expect.objectContaining({ participantId: amira.userId, ...amirasNames() })]);
    for (const insider of [cohort.member, cohort.manager, cohort.admin]) {
      const items = (await server.http.get(`/api/matches?cohortId=${cohort.cohortId}`).set(insider.auth).expect(200)).body.items as { participantId: string; participantName: string }[];
      const amirasMatch = items.find((match) => match.participantId === amira.userId);
      expect(amirasMatch).toMatchObject({ ...amirasNames(), participant: profile });
      expect(items.map((match) => match.participantName).sort()).toEqual(['Amira Haddad', 'Bo Lindqvist']);
      const one = await server.http.get(`/api/matches/${own[0].id}`).set(insider.auth).expect(200);
      expect(one.body).toMatchObject({ ...amirasNames(), participant: profile });
    }
    for (const outsider of outsiders) {
      expect((await server.http.get('/api/matches').set(outsider.auth).expect(200)).body.items).toEqual([]);
      await server.http.get(`/api/matches/${own[0].id}`).set(outsider.auth).expect(404);
    }
  });

  it('names them on the tracks too, with the gates still open, the offered test environments and who decides', async () => {
    const [amirasTrack] = cohort.trackIds;
    for (const [insider, mayManage] of [
      [amira, false],
      [cohort.member, false],
      [cohort.manager, true],
      [cohort.admin, true],
    ] as const) {
      const listed = (await server.http.get('/api/tracks').set(insider.auth).expect(200)).body.items as { id: string }[];
      expect(listed.find((track) => track.id === amirasTrack)).toMatchObject(amirasNames());
      const track = (await server.http.get(`/api/tracks/${amirasTrack}`).set(insider.auth).expect(200)).body;
      expect(track).toMatchObject({ ...amirasNames(), mayManage });
      expect(track.openGates).toEqual([
        { to: 'test_environment', missing: ['test_plan'] },
        { to: 'evaluation', missing: ['test_session'] },
        { to: 'graduated', missing: ['outcome', 'outcome_summary', 'graduation_criterion:tested_with_users', 'graduation_criterion:need_owner_agrees'] },
      ]);
      expect(track.testEnvironments).toEqual([
        expect.objectContaining({ id: cohort.consentEnvironmentId, name: 'Fritidsgården Dalhem', writtenConsentRequired: true }),
        expect.objectContaining({ id: cohort.openEnvironmentId, name: 'Stadsbiblioteket', writtenConsentRequired: false }),
      ]);
    }
    for (const outsider of outsiders) {
      expect((await server.http.get('/api/tracks').set(outsider.auth).expect(200)).body.items).toEqual([]);
      await server.http.get(`/api/tracks/${amirasTrack}`).set(outsider.auth).expect(404);
    }
  });

  it('lists one department’s matches and tracks when asked, for someone in several', async () => {
    for (const path of ['/api/matches', '/api/tracks']) {
      const own = await server.http.get(`${path}?departmentId=${cohort.departmentId}`).set(cohort.admin.auth).expect(200);
      expect(own.body.items).toHaveLength(2);
      const other = await server.http.get(`${path}?departmentId=${otherDepartmentId}`).set(cohort.admin.auth).expect(200);
      expect(other.body.items).toEqual([]);
      expect((await server.http.get(`${path}?departmentId=${cohort.departmentId}`).set(outsiders[0].auth).expect(200)).body.items).toEqual([]);
    }
  });
});
