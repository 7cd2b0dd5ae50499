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
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, failureCode: null, metrics: null, pairs: [], unmatched: [] });
    // Without a worker it stays queued, and nothing can use it yet.
    expect((await getRun(queued.body.id)).body.status).toBe('queued');
    const early = await server.http.post(`/api/matching-runs/${queued.body.id}/publish`).set(cohort.manager.auth).send({}).expect(409);
    expect(early.body.code).toBe('run_not_done');
    await server.http.post(`/api/matching-runs/${queued.body.id}/repeat`).set(cohort.manager.auth).expect(409);

    worker = await TestWorker.start(server);
    const done = await untilEnded(queued.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, failureCode: null, metrics: { matched: 2, unmatched: 1 } });
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

  it('ends a run whose pins cannot all hold as failed with pins_conflict, the engine’s words kept out of the API', async () => {
    const cecilia = cohort.participants[2];
    // Cecilia speaks no Swedish, which both challenges need: a pin cannot hold.
    const queued = await startRun({ algorithm: 'optimal', pins: [{ participantId: cecilia.userId, challengeId: cohort.challengeIds[0] }] }).expect(202);
    worker ??= await TestWorker.start(server);
    const failed = await untilEnded(queued.body.id);
    expect(failed).toMatchObject({ status: 'failed', failureCode: 'pins_conflict', progress: 100, metrics: null, pairs: [] });
    expect(JSON.stringify(failed)).not.toMatch(/cannot be made|hard rule/);
    const listed = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).expect(200);
    expect(listed.body.items.find((run: { id: string }) => run.id === queued.body.id)).toMatchObject({ status: 'failed', failureCode: 'pins_conflict' });
    const audit = await server.db.query(`SELECT details FROM audit_events WHERE action = 'matching_run.failed' AND entity_id = $1`, [queued.body.id]);
    expect(audit.rows).toEqual([{ details: { cohortId: cohort.cohortId, code: 'pins_conflict' } }]);
    const publish = await server.http.post(`/api/matching-runs/${queued.body.id}/publish`).set(cohort.manager.auth).send({}).expect(409);
    expect(publish.body.code).toBe('run_not_done');
  });

  it('ends a run that forbids a pair with someone not in the cohort as failed with pair_not_in_run', async () => {
    const stranger = await registerEntrepreneur(server);
    const queued = await startRun({ algorithm: 'stable', forbidden: [{ participantId: stranger.userId, challengeId: cohort.challengeIds[0] }] }).expect(202);
    worker ??= await TestWorker.start(server);
    expect(await untilEnded(queued.body.id)).toMatchObject({ status: 'failed', failureCode: 'pair_not_in_run' });
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

  it('ends a run whose earlier attempt never finished as failed with timed_out, rather than solving it again', async () => {
    await worker?.stop();
    worker = undefined;
    const queued = await startRun({ algorithm: 'optimal' }).expect(202);
    // As an attempt leaves it when it runs past the job's time limit or the worker stops mid-run.
    await server.db.query(`UPDATE matching_runs SET status = 'running', progress = 30 WHERE id = $1`, [queued.body.id]);
    worker = await TestWorker.start(server);
    expect(await untilEnded(queued.body.id)).toMatchObject({ status: 'failed', failureCode: 'timed_out', progress: 100, metrics: null });
  });
});
