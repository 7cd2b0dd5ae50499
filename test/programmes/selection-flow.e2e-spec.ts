import {
  assignReviewer,
  cohortReviewer,
  invitePerson,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  review,
  SAMPLE_ANSWERS,
  submittedApplicant,
  TestServer,
  type Session,
} from '@samverka/testing';

describe('selection: from an open call to a chosen cohort', () => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('runs the whole call: apply, review, score, decide, and the accepted become participants', async () => {
    // The admin sets up the programme and its manager; the manager opens a call with two seats.
    const { programme, manager } = await programmeWithManager(server, admin);
    const cohort = await openCohort(server, manager, programme.id, { seats: 2 });

    // Three innovators keep a profile and apply.
    const people: Record<string, Session> = {};
    const applicationOf: Record<string, string> = {};
    for (const [name, kind] of [['Amina', 'social_entrepreneur'], ['Björn', 'researcher'], ['Cecilia', 'student']] as const) {
      people[name] = await registerEntrepreneur(server, name);
      await server.http.put('/api/entrepreneurs/me').set(people[name].auth).send({ kind, competences: ['Facilitering'], languages: ['sv'], municipalityCode: '1283' }).expect(201);
      const draft = await server.http.post(`/api/cohorts/${cohort.id}/applications`).set(people[name].auth).send({ answers: SAMPLE_ANSWERS }).expect(201);
      await server.http.post(`/api/applications/${draft.body.id}/submit`).set(people[name].auth).expect(200);
      applicationOf[name] = draft.body.id;
    }

    // The manager invites a jury of two; both score every application.
    const juryA = await cohortReviewer(server, manager, cohort.id, 'Jury A');
    const juryB = await cohortReviewer(server, manager, cohort.id, 'Jury B');
    const scores: Record<string, [number, number]> = { Amina: [5, 4], Björn: [3, 3], Cecilia: [4, 2] };
    for (const [name, [a, b]] of Object.entries(scores)) {
      for (const [jury, score] of [[juryA, a], [juryB, b]] as const) {
        await assignReviewer(server, manager, applicationOf[name], jury.userId);
        await review(server, jury, applicationOf[name], { impact: score, feasibility: score });
      }
    }

    // The call closes; the manager reads the scoreboard and the applicants' profiles.
    await moveCohort(server, manager, cohort.id, 'selecting');
    const board = (await server.http.get(`/api/cohorts/${cohort.id}/scoreboard`).set(manager.auth).expect(200)).body;
    expect(board.rows.map((row: { applicantName: string; weightedMean: number }) => [row.applicantName, row.weightedMean])).toEqual([
      ['Amina', 4.5],
      ['Björn', 3],
      ['Cecilia', 3],
    ]);
    expect(board.rows.find((row: { applicantName: string }) => row.applicantName === 'Cecilia').disagreement).toBe(true);
    const profile = await server.http.get(`/api/entrepreneurs/${people.Björn.userId}`).set(manager.auth).expect(200);
    expect(profile.body).toMatchObject({ kind: 'researcher', competences: ['facilitering'], countyCode: '12' });

    // Two are accepted, one waitlisted; a third acceptance finds the seats taken.
    await server.http.post(`/api/applications/${applicationOf.Amina}/decision`).set(manager.auth).send({ decision: 'accept', note: 'Högst poäng' }).expect(200);
    await server.http.post(`/api/applications/${applicationOf.Björn}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
    await server.http.post(`/api/applications/${applicationOf.Cecilia}/decision`).set(manager.auth).send({ decision: 'waitlist' }).expect(200);
    const full = await server.http.post(`/api/applications/${applicationOf.Cecilia}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(409);
    expect(full.body.code).toBe('seats_exhausted');

    // The accepted applicants are the cohort's participants; the cohort starts.
    const participants = await server.http.get(`/api/cohorts/${cohort.id}/participants`).set(manager.auth).expect(200);
    expect(participants.body.items.map((p: { displayName: string; applicationId: string }) => [p.displayName, p.applicationId])).toEqual([
      ['Amina', applicationOf.Amina],
      ['Björn', applicationOf.Björn],
    ]);
    await moveCohort(server, manager, cohort.id, 'running');
    const amina = await server.http.get(`/api/applications/${applicationOf.Amina}`).set(people.Amina.auth).expect(200);
    expect(amina.body).toMatchObject({ state: 'accepted', decisionNote: 'Högst poäng' });

    // Every step is in the audit trail.
    const { rows } = await server.db.query(
      `SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 AND action LIKE 'application.%' ORDER BY occurred_at`,
      [applicationOf.Cecilia],
    );
    expect(rows).toEqual([
      { action: 'application.created', from_state: null, to_state: 'draft' },
      { action: 'application.submitted', from_state: 'draft', to_state: 'submitted' },
      { action: 'application.decided', from_state: 'submitted', to_state: 'waitlisted' },
    ]);
  });

  it('two managers deciding the last seat at the same time: exactly one wins, the other gets 409', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const second = await invitePerson(server, admin, 'programme_manager', { programmeId: programme.id });
    for (let round = 0; round < 3; round += 1) {
      const cohort = await openCohort(server, manager, programme.id, { seats: 1 });
      const [a, b] = [await submittedApplicant(server, cohort.id), await submittedApplicant(server, cohort.id)];
      await moveCohort(server, manager, cohort.id, 'selecting');
      const responses = await Promise.all([
        server.http.post(`/api/applications/${a.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }),
        server.http.post(`/api/applications/${b.application.id}/decision`).set(second.auth).send({ decision: 'accept' }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(responses.find((r) => r.status === 409)?.body.code).toBe('seats_exhausted');
      const { rows } = await server.db.query(`SELECT count(*)::int AS accepted FROM applications WHERE cohort_id = $1 AND state = 'accepted'`, [cohort.id]);
      expect(rows[0].accepted).toBe(1);
    }
  });

  it('refuses participants to anyone but the cohort’s managers', async () => {
    const { programme, manager } = await programmeWithManager(server, admin);
    const { manager: other } = await programmeWithManager(server, admin);
    const cohort = await openCohort(server, manager, programme.id);
    const { entrepreneur } = await submittedApplicant(server, cohort.id);
    await server.http.get(`/api/cohorts/${cohort.id}/participants`).set(other.auth).expect(404);
    await server.http.get(`/api/cohorts/${cohort.id}/participants`).set(entrepreneur.auth).expect(403);
  });
});
