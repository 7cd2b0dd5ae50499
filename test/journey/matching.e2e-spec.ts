import { cohortReadyForMatching, invitePerson, loginAdmin, programmeWithManager, TestServer, type MatchingCohort } from '@samverka/testing';

const PARTICIPANTS = [
  { displayName: 'Amira Haddad', competences: ['tjänstedesign'], themes: ['inkludering'], sdgs: [4, 10], languages: ['sv', 'ar'] },
  { displayName: 'Bo Lindqvist', competences: ['programmering'], themes: ['fritid'], sdgs: [4], languages: ['sv'] },
  { displayName: 'Cecilia Grant', competences: ['tjänstedesign', 'programmering'], languages: ['en'] },
];

const CHALLENGES = [
  { title: 'Fler unga i föreningslivet', competences: ['tjänstedesign'], themes: ['inkludering'], sdgs: [4, 10], languages: ['sv'], seats: 1 },
  { title: 'Digital fritidsgård', competences: ['programmering'], themes: ['fritid'], sdgs: [4], languages: ['sv'], seats: 1 },
];

describe('matching runs, publishing and answering matches', () => {
  let server: TestServer;
  let cohort: MatchingCohort;
  let amira: MatchingCohort['participants'][number];
  let bo: MatchingCohort['participants'][number];
  let cecilia: MatchingCohort['participants'][number];
  let youth: string;
  let digital: string;

  const startRun = (body: Record<string, unknown>, language = 'sv') =>
    server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).set('Accept-Language', language).send(body);

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, { participants: PARTICIPANTS, challenges: CHALLENGES });
    [amira, bo, cecilia] = cohort.participants;
    [youth, digital] = cohort.challengeIds;
  });
  afterAll(() => server.stop());

  it('proposes the best total, explains every pair, and says why someone is left out', async () => {
    const run = await startRun({ algorithm: 'optimal' }).expect(201);
    expect(run.body.pairs.map((p: { participantId: string; challengeId: string }) => [p.participantId, p.challengeId])).toEqual([
      [amira.userId, youth],
      [bo.userId, digital],
    ]);
    expect(run.body.unmatched).toEqual([{ participantId: cecilia.userId, why: 'no_allowed_challenge' }]);
    expect(run.body.metrics).toMatchObject({ matched: 2, unmatched: 1, seatsLeft: 0, blockingPairs: 0 });
    const pair = run.body.pairs[0];
    expect(pair.reason).toMatch(/1 av 1 kompetens/);
    expect(pair.components.map((c: { component: string }) => c.component)).toEqual(expect.arrayContaining(['competences', 'themes', 'sdgs', 'location']));
    const contributions = pair.components.reduce((sum: number, c: { contribution: number }) => sum + c.contribution, 0);
    expect(contributions).toBeCloseTo(pair.score, 5);

    // The run read back (its pairs put together by PostgreSQL) is the run as started.
    expect((await server.http.get(`/api/matching-runs/${run.body.id}`).set(cohort.manager.auth).expect(200)).body).toEqual(run.body);
    const inEnglish = await server.http.get(`/api/matching-runs/${run.body.id}`).set(cohort.manager.auth).set('Accept-Language', 'en').expect(200);
    expect(inEnglish.body.pairs[0].reason).toMatch(/Covers 1 of 1 competence/);
    const repeated = await server.http.post(`/api/matching-runs/${run.body.id}/repeat`).set(cohort.manager.auth).expect(200);
    expect(repeated.body.identical).toBe(true);
  });

  it('lets both sides rank, and compares a stable run with an optimal one', async () => {
    await server.http.put(`/api/cohorts/${cohort.cohortId}/preferences/mine`).set(amira.auth).send({ challengeIds: [digital, youth] }).expect(200);
    const bad = await server.http.put(`/api/cohorts/${cohort.cohortId}/preferences/mine`).set(amira.auth).send({ challengeIds: [cecilia.userId] }).expect(400);
    expect(bad.body.errors[0].field).toBe('challengeIds[0]');
    await server.http.put(`/api/cohorts/${cohort.cohortId}/preferences/challenges/${youth}`).set(cohort.member.auth).send({ participantIds: [amira.userId, bo.userId] }).expect(200);
    await server.http.put(`/api/cohorts/${cohort.cohortId}/preferences/challenges/${youth}`).set(amira.auth).send({ participantIds: [] }).expect(403);

    const mine = await server.http.get(`/api/cohorts/${cohort.cohortId}/preferences`).set(amira.auth).expect(200);
    expect(mine.body.mine.rankedIds).toEqual([digital, youth]);
    expect(mine.body.challenges).toEqual([]);
    const all = await server.http.get(`/api/cohorts/${cohort.cohortId}/preferences`).set(cohort.manager.auth).expect(200);
    expect(all.body.participants).toHaveLength(1);
    expect(all.body.challenges).toHaveLength(1);

    const optimal = await startRun({ algorithm: 'optimal' }).expect(201);
    const stable = await startRun({ algorithm: 'stable', proposing: 'participants' }).expect(201);
    expect(stable.body.metrics.blockingPairs).toBe(0);
    const comparison = await server.http.get(`/api/matching-runs/${optimal.body.id}/compare/${stable.body.id}`).set(cohort.manager.auth).expect(200);
    expect(comparison.body.metricChanges.total.change).toBeCloseTo(stable.body.metrics.total - optimal.body.metrics.total, 5);
    const listed = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).expect(200);
    expect(listed.body.items[0].id).toBe(stable.body.id);
  });

  it('never proposes a declared conflict of interest or a forbidden pair, and always a pin', async () => {
    await server.http
      .post(`/api/cohorts/${cohort.cohortId}/matching-conflicts`)
      .set(cohort.member.auth)
      .send({ participantId: amira.userId, challengeId: youth, reason: 'Amira är anställd på förvaltningen.' })
      .expect(201);
    const withConflict = await startRun({ algorithm: 'optimal' }).expect(201);
    expect(withConflict.body.pairs.some((p: { participantId: string; challengeId: string }) => p.participantId === amira.userId && p.challengeId === youth)).toBe(false);

    const pinned = await startRun({ algorithm: 'optimal', pins: [{ participantId: bo.userId, challengeId: youth }], forbidden: [{ participantId: amira.userId, challengeId: digital }] }).expect(201);
    expect(pinned.body.pairs).toEqual([expect.objectContaining({ participantId: bo.userId, challengeId: youth, pinned: true })]);
    const impossible = await startRun({ algorithm: 'optimal', pins: [{ participantId: amira.userId, challengeId: youth }] }).expect(409);
    expect(impossible.body.code).toBe('matching_input_rejected');
    await startRun({ algorithm: 'optimal', weights: { competences: -1 } }).expect(400);
    await startRun({ algorithm: 'greedy' }).expect(400);
  });

  it('keeps runs to the cohort’s managers', async () => {
    const admin = await loginAdmin(server);
    const other = await programmeWithManager(server, admin);
    await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(other.manager.auth).send({ algorithm: 'optimal' }).expect(404);
    await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.member.auth).send({ algorithm: 'optimal' }).expect(403);
    await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(amira.auth).send({ algorithm: 'optimal' }).expect(403);
    const reviewer = await invitePerson(server, admin, 'reviewer');
    await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(reviewer.auth).expect(403);
    await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).send({ algorithm: 'optimal' }).expect(401);
  });

  it('publishes once; both sides answer; a confirmation starts the track; a decline frees the seat', async () => {
    // Pinned, so that both runs propose the same people and the outcome is known.
    const pins = [
      { participantId: amira.userId, challengeId: digital },
      { participantId: bo.userId, challengeId: youth },
    ];
    const [first, second] = await Promise.all([startRun({ algorithm: 'optimal', pins }).expect(201), startRun({ algorithm: 'stable', pins }).expect(201)]);
    const published = await Promise.all([
      server.http.post(`/api/matching-runs/${first.body.id}/publish`).set(cohort.manager.auth).send({}),
      server.http.post(`/api/matching-runs/${second.body.id}/publish`).set(cohort.manager.auth).send({}),
    ]);
    expect(published.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = published.find((r) => r.status === 409);
    expect(loser?.body.code).toBe('run_outdated');
    expect(loser?.body.conflicts.length).toBeGreaterThan(0);
    const winner = published.find((r) => r.status === 201);
    const winnerRunId = winner === published[0] ? first.body.id : second.body.id;
    await server.http.post(`/api/matching-runs/${winnerRunId}/publish`).set(cohort.manager.auth).send({}).expect(409);

    const amirasMatches = await server.http.get('/api/matches').set(amira.auth).expect(200);
    const bosMatches = await server.http.get('/api/matches').set(bo.auth).expect(200);
    expect(amirasMatches.body.items.every((m: { participantId: string }) => m.participantId === amira.userId)).toBe(true);
    const departmentsView = await server.http.get('/api/matches').set(cohort.member.auth).expect(200);
    expect(departmentsView.body.items).toHaveLength(winner?.body.items.length);
    const [amirasMatch] = amirasMatches.body.items;
    const [bosMatch] = bosMatches.body.items;
    expect([amirasMatch.challengeId, bosMatch.challengeId]).toEqual([digital, youth]);
    // Named in the list and in what publishing answered, so that a page of matches needs no request per challenge.
    expect([amirasMatch.challengeTitle, bosMatch.challengeTitle]).toEqual(['Digital fritidsgård', 'Fler unga i föreningslivet']);
    expect(winner?.body.items.map((m: { challengeTitle: string }) => m.challengeTitle).sort()).toEqual(['Digital fritidsgård', 'Fler unga i föreningslivet']);
    await server.http.get(`/api/matches/${amirasMatch.id}`).set(bo.auth).expect(404);
    await server.http.post(`/api/matches/${amirasMatch.id}/respond`).set(bo.auth).send({ response: 'accept' }).expect(404);

    await server.http.post(`/api/matches/${amirasMatch.id}/respond`).set(amira.auth).send({ response: 'accept', note: 'Gärna!' }).expect(200);
    await server.http.post(`/api/matches/${amirasMatch.id}/respond`).set(amira.auth).send({ response: 'decline' }).expect(409);
    const confirmed = await server.http.post(`/api/matches/${amirasMatch.id}/respond`).set(cohort.member.auth).send({ response: 'accept' }).expect(200);
    expect(confirmed.body.state).toBe('confirmed');
    const tracks = await server.db.query(`SELECT stage, participant_id FROM tracks WHERE match_id = $1`, [amirasMatch.id]);
    expect(tracks.rows).toEqual([{ stage: 'matched', participant_id: amira.userId }]);
    const challenge = await server.http.get(`/api/challenges/${amirasMatch.challengeId}`).set(cohort.manager.auth).expect(200);
    expect(challenge.body.state).toBe('matched');

    const declined = await server.http.post(`/api/matches/${bosMatch.id}/respond`).set(bo.auth).send({ response: 'decline', note: 'Passar inte just nu.' }).expect(200);
    expect(declined.body.state).toBe('declined');
    await server.http.post(`/api/matches/${bosMatch.id}/respond`).set(cohort.member.auth).send({ response: 'accept' }).expect(409);
    const audit = await server.db.query(`SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`, [amirasMatch.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['match.proposed', 'match.participant_accepted', 'match.department_accepted']);
    const outbox = await server.db.query(`SELECT type FROM outbox_messages WHERE recipient_id = $1 AND type LIKE 'match.%' ORDER BY created_at`, [amira.userId]);
    expect(outbox.rows.map((r: { type: string }) => r.type)).toEqual(['match.proposed', 'match.confirmed']);

    const rerun = await startRun({ algorithm: 'optimal' }).expect(201);
    expect(rerun.body.pairs).toEqual([expect.objectContaining({ participantId: bo.userId, challengeId: youth })]);
    expect(rerun.body.unmatched).toEqual(
      expect.arrayContaining([{ participantId: amira.userId, why: 'already_matched' }, { participantId: cecilia.userId, why: 'no_allowed_challenge' }]),
    );
    expect((await server.http.get(`/api/matching-runs/${rerun.body.id}`).set(cohort.manager.auth).expect(200)).body).toEqual(rerun.body);
  });
});
