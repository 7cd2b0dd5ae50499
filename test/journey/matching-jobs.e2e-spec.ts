import { cohortReadyForMatching, registerEntrepreneur, TestServer, TestWorker, waitUntil, type MatchingCohort } from '@samverka/testing';

const PARTICIPANTS = [
  { displayName: 'Amira Haddad', competences: ['tjänstedesign'], themes: ['inkludering'], sdgs: [4, 10], languages: ['sv', 'ar'] },
  { displayName: 'Bo Lindqvist', competences: ['programmering'], themes: ['fritid'], sdgs: [4], languages: ['sv'] },
  { displayName: 'Cecilia Grant', competences: ['tjänstedesign', 'programmering'], languages: ['en'] },
];

const CHALLENGES = [
  { title: 'Fler unga i föreningslivet', competences: ['tjänstedesign'], themes: ['inkludering'], sdgs: [4, 10], languages: ['sv'], seats: 1 },
  { title: 'Digital fritidsgård', competences: ['programmering'], themes: ['fritid'], sdgs: [4], languages: ['sv'], seats: 1 },
];

// The threshold is lowered to two participants, so this cohort's three make every run a job.
describe('matching runs above the size threshold run in the worker', () => {
  let server: TestServer;
  let worker: TestWorker | undefined;
  let cohort: MatchingCohort;

  const startRun = (body: Record<string, unknown>, session = cohort.manager) => server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(session.auth).send(body);
  const getRun = (id: string) => server.http.get(`/api/matching-runs/${id}`).set(cohort.manager.auth).expect(200);
  const untilEnded = async (id: string) => {
    await waitUntil(async () => ['done', 'failed'].includes((await getRun(id)).body.status), `run ${id} to end`);
    return (await getRun(id)).body;
  };

  beforeAll(async () => {
    server = await TestServer.start({ env: { MATCHING_JOB_THRESHOLD: '2' } });
    cohort = await cohortReadyForMatching(server, { participants: PARTICIPANTS, challenges: CHALLENGES });
  });
  afterAll(async () => {
    await worker?.stop();
    await server.stop();
  });

  it('answers 202 with a queued run, which the worker solves to done with the same answer a request would give', async () => {
    const queued = await startRun({ algorithm: 'optimal' }).expect(202);
    expect(queued.headers.location).toBe(`/api/matching-runs/${queued.body.id}`);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, failureReason: null, metrics: null, pairs: [], unmatched: [] });
    // Without a worker it stays queued, and nothing can use it yet.
    expect((await getRun(queued.body.id)).body.status).toBe('queued');
    const early = await server.http.post(`/api/matching-runs/${queued.body.id}/publish`).set(cohort.manager.auth).send({}).expect(409);
    expect(early.body.code).toBe('run_not_done');
    await server.http.post(`/api/matching-runs/${queued.body.id}/repeat`).set(cohort.manager.auth).expect(409);

    worker = await TestWorker.start(server);
    const done = await untilEnded(queued.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, failureReason: null, metrics: { matched: 2, unmatched: 1 } });
    const [amira, bo, cecilia] = cohort.participants;
    expect(done.pairs.map((pair: { participantId: string; challengeId: string }) => [pair.participantId, pair.challengeId])).toEqual([
      [amira.userId, cohort.challengeIds[0]],
      [bo.userId, cohort.challengeIds[1]],
    ]);
    expect(done.unmatched).toEqual([{ participantId: cecilia.userId, why: 'no_allowed_challenge' }]);
    expect((await server.http.post(`/api/matching-runs/${done.id}/repeat`).set(cohort.manager.auth).expect(200)).body.identical).toBe(true);
    const listed = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: done.id, status: 'done', metrics: { matched: 2 } });
  });

  it('ends a run whose input the engine rejects as failed, with the reason', async () => {
    const cecilia = cohort.participants[2];
    // Cecilia speaks no Swedish, which both challenges need: a pin cannot hold.
    const queued = await startRun({ algorithm: 'optimal', pins: [{ participantId: cecilia.userId, challengeId: cohort.challengeIds[0] }] }).expect(202);
    worker ??= await TestWorker.start(server);
    const failed = await untilEnded(queued.body.id);
    expect(failed).toMatchObject({ status: 'failed', metrics: null, pairs: [] });
    expect(failed.failureReason).toMatch(/cannot be made/);
    const publish = await server.http.post(`/api/matching-runs/${queued.body.id}/publish`).set(cohort.manager.auth).send({}).expect(409);
    expect(publish.body.code).toBe('run_not_done');
  });

  it('lets an admin start a queued run, and refuses it to a department member and an entrepreneur', async () => {
    const byAdmin = await startRun({ algorithm: 'stable' }, cohort.admin).set('Idempotency-Key', 'large-run-1').expect(202);
    expect(byAdmin.body.status).toBe('queued');
    // A retry is answered as the first request was: the same run, still 202 with its Location, nothing queued twice.
    const retried = await startRun({ algorithm: 'stable' }, cohort.admin).set('Idempotency-Key', 'large-run-1').expect(202);
    expect(retried.headers.location).toBe(`/api/matching-runs/${byAdmin.body.id}`);
    expect(retried.body.id).toBe(byAdmin.body.id);
    const byAdminInDb = await server.db.query(`SELECT count(*)::int AS n FROM matching_runs WHERE cohort_id = $1 AND created_by = $2`, [cohort.cohortId, cohort.admin.userId]);
    expect(byAdminInDb.rows[0].n).toBe(1);
    await startRun({ algorithm: 'stable' }, cohort.member).expect(403);
    await startRun({ algorithm: 'stable' }, await registerEntrepreneur(server)).expect(403);
    await server.http.get(`/api/matching-runs/${byAdmin.body.id}`).set(cohort.member.auth).expect(403);
  });
});
