import { cohortWithTracks, programmeWithManager, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

describe('track board: a cohort’s tracks at once, for its managers', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let amira: Session;

  const board = (as: Session, cohortId = cohort.cohortId) => server.http.get(`/api/cohorts/${cohortId}/track-board`).set(as.auth);
  const withVersion = async (trackId: string) => `"${(await server.http.get(`/api/tracks/${trackId}`).set(cohort.manager.auth).expect(200)).body.version}"`;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    [amira] = cohort.participants;
    const [amirasTrack] = cohort.trackIds;
    await server.http.post(`/api/tracks/${amirasTrack}/advance`).set(cohort.manager.auth).set('If-Match', await withVersion(amirasTrack)).send({ to: 'co_design', note: 'Vi börjar.' }).expect(200);
    const plan = { testEnvironmentId: cohort.openEnvironmentId, startsOn: '2026-10-01', users: 10, whatWillBeTried: 'Bokning via app.', consentArrangements: 'Muntligt samtycke.' };
    await server.http.put(`/api/tracks/${amirasTrack}/test-plan`).set(cohort.manager.auth).set('If-Match', await withVersion(amirasTrack)).send(plan).expect(200);
  });
  afterAll(() => server.stop());

  it('gives the manager every track with names, stage, time in stage and the gates still open', async () => {
    const { body } = await board(cohort.manager).expect(200);
    expect(body.cohortId).toBe(cohort.cohortId);
    expect(body.tracks).toHaveLength(2);
    const criteriaGates = body.criteria.map((criterion: { key: string }) => `graduation_criterion:${criterion.key}`);
    expect(criteriaGates.length).toBeGreaterThan(0);
    const amirasCard = body.tracks.find((card: { participantId: string }) => card.participantId === amira.userId);
    expect(amirasCard).toMatchObject({ id: cohort.trackIds[0], participantName: 'Amira Haddad', challengeTitle: 'Utmaning för Amira Haddad', stage: 'co_design' });
    expect(Date.parse(amirasCard.stageEnteredAt)).not.toBeNaN();
    // The test plan is in place; the test session and the criteria are still ahead.
    expect(amirasCard.openGates).toEqual(['test_session', ...criteriaGates]);
    const bosCard = body.tracks.find((card: { participantId: string }) => card.participantId !== amira.userId);
    expect(bosCard).toMatchObject({ participantName: 'Bo Lindqvist', stage: 'matched', openGates: ['test_plan', 'test_session', ...criteriaGates] });
  });

  it('is an admin’s too, and nobody else’s: another programme’s manager gets 404, an entrepreneur or a department member 403', async () => {
    await board(cohort.admin).expect(200);
    const outsider = (await programmeWithManager(server, cohort.admin)).manager;
    expect((await board(outsider).expect(404)).body.code).toBe('not_found');
    await board(amira).expect(403);
    await board(cohort.member).expect(403);
  });
});
