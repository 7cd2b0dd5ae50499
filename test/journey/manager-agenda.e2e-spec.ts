import { invitePerson, managerWithWaitingWork, programmeWithManager, TestServer, type WaitingWork } from '@samverka/testing';

/** The manager's home page asks one route what waits for them, across their cohorts. */
describe('GET /api/me/manager-agenda', () => {
  let server: TestServer;
  let work: WaitingWork;
  beforeAll(async () => {
    server = await TestServer.start();
    work = await managerWithWaitingWork(server);
  }, 120_000);
  afterAll(() => server.stop());

  it('counts each kind of waiting work in the manager’s cohorts', async () => {
    const { body } = await server.http.get('/api/me/manager-agenda').set(work.manager.auth).expect(200);
    expect(body.challengesAwaitingReview).toBe(1);
    expect(body.cohorts).toEqual([
      { cohortId: work.openCohortId, cohortName: 'Våren 2027', applicationsAwaitingDecision: 1, matchesPastDeadline: 0, tracksStuck: 0 },
      { cohortId: work.cohortId, cohortName: expect.any(String), applicationsAwaitingDecision: 0, matchesPastDeadline: 1, tracksStuck: 1 },
    ]);
  });

  it('measures a stuck track against its cohort’s norm for the stage', async () => {
    const etag = (await server.http.get(`/api/cohorts/${work.cohortId}`).set(work.manager.auth)).headers.etag;
    const norms = { matched: 30, co_design: 42, test_environment: 56, evaluation: 28 };
    const updated = await server.http.put(`/api/cohorts/${work.cohortId}`).set(work.manager.auth).set('If-Match', etag).send({ stageNormDays: norms }).expect(200);
    expect(updated.body.stageNormDays).toEqual(norms);
    const { body } = await server.http.get('/api/me/manager-agenda').set(work.manager.auth).expect(200);
    expect(body.cohorts.find((cohort: { cohortId: string }) => cohort.cohortId === work.cohortId).tracksStuck).toBe(0);
    await server.http
      .put(`/api/cohorts/${work.cohortId}`)
      .set(work.manager.auth)
      .set('If-Match', updated.headers.etag)
      .send({ stageNormDays: { ...norms, matched: 0 } })
      .expect(400);
  });

  it('shows another programme’s manager nothing of these cohorts, and an admin all of them', async () => {
    const { manager: other } = await programmeWithManager(server, work.admin);
    const mine = await server.http.get('/api/me/manager-agenda').set(other.auth).expect(200);
    // The review queue is shared by every manager; cohorts are not.
    expect(mine.body).toEqual({ challengesAwaitingReview: 1, cohorts: [] });
    const all = await server.http.get('/api/me/manager-agenda').set(work.admin.auth).expect(200);
    expect(all.body.cohorts.map((cohort: { cohortId: string }) => cohort.cohortId).sort()).toEqual([work.cohortId, work.openCohortId].sort());
  });

  it('is refused to people without the manager role', async () => {
    await server.http.get('/api/me/manager-agenda').set(work.participants[0].auth).expect(403);
    const reviewer = await invitePerson(server, work.admin, 'reviewer');
    await server.http.get('/api/me/manager-agenda').set(reviewer.auth).expect(403);
  });
});
