import {
  applyTo,
  assignReviewer,
  cohortReviewer,
  createCohort,
  invitePerson,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  SAMPLE_ANSWERS,
  submittedApplicant,
  TestServer,
  type CohortBody,
  type ProgrammeBody,
  type Session,
} from '@samverka/testing';

describe('applications', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let programme: ProgrammeBody;
  let cohort: CohortBody;
  let otherManager: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    ({ programme, manager } = await programmeWithManager(server, admin));
    ({ manager: otherManager } = await programmeWithManager(server, admin));
    cohort = await openCohort(server, manager, programme.id);
  });
  afterAll(() => server.stop());

  it('an entrepreneur applies once per cohort, as a draft; a second application is 409', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    const draft = await applyTo(server, entrepreneur, cohort.id);
    expect(draft).toMatchObject({ state: 'draft', applicantId: entrepreneur.userId, answers: SAMPLE_ANSWERS });
    const second = await server.http.post(`/api/cohorts/${cohort.id}/applications`).set(entrepreneur.auth).send({ answers: SAMPLE_ANSWERS }).expect(409);
    expect(second.body.code).toBe('already_applied');
    const { rows } = await server.db.query(`SELECT action, to_state FROM audit_events WHERE entity_id = $1`, [draft.id]);
    expect(rows).toEqual([{ action: 'application.created', to_state: 'draft' }]);
  });

  it('checks answers against the cohort’s questions, naming the question', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    const post = (answers: Record<string, unknown>) => server.http.post(`/api/cohorts/${cohort.id}/applications`).set(entrepreneur.auth).send({ answers }).expect(400);
    const { idea: _idea, ...withoutIdea } = SAMPLE_ANSWERS;
    expect((await post(withoutIdea)).body.errors).toEqual([{ field: 'answers.idea', message: '"Vad vill du pröva?" is required', code: 'required' }]);
    expect((await post({ ...SAMPLE_ANSWERS, stage: 'scale-up' })).body.errors).toEqual([
      { field: 'answers.stage', message: 'scale-up is not an option of "Hur långt har ni kommit?"; choose one of: idea, prototype, pilot', code: 'invalid' },
    ]);
    expect((await post({ ...SAMPLE_ANSWERS, team_size: 'tre' })).body.errors).toEqual([{ field: 'answers.team_size', message: '"Hur många är ni?" needs a number', code: 'invalid' }]);
    expect((await post({ ...SAMPLE_ANSWERS, budget: 100 })).body.errors).toEqual([{ field: 'answers.budget', message: 'budget is not a question of this cohort', code: 'invalid' }]);
    await server.http.post(`/api/cohorts/${cohort.id}/applications`).set(entrepreneur.auth).send({ answers: 'ja' }).expect(400);
  });

  it('is edited while a draft (If-Match), submitted once, then no longer editable', async () => {
    const entrepreneur = await registerEntrepreneur(server);
    const draft = await applyTo(server, entrepreneur, cohort.id);
    await server.http.put(`/api/applications/${draft.id}`).set(entrepreneur.auth).send({ answers: SAMPLE_ANSWERS }).expect(428);
    const edited = await server.http.put(`/api/applications/${draft.id}`).set(entrepreneur.auth).set('If-Match', '"1"').send({ answers: { ...SAMPLE_ANSWERS, team_size: 4 } }).expect(200);
    expect(edited.body.answers.team_size).toBe(4);
    const submitted = await server.http.post(`/api/applications/${draft.id}/submit`).set(entrepreneur.auth).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted' });
    expect(submitted.body.submittedAt).not.toBeNull();
    const locked = await server.http.put(`/api/applications/${draft.id}`).set(entrepreneur.auth).set('If-Match', `"${submitted.body.version}"`).send({ answers: SAMPLE_ANSWERS }).expect(409);
    expect(locked.body.code).toBe('application_not_editable');
    const again = await server.http.post(`/api/applications/${draft.id}/submit`).set(entrepreneur.auth).expect(409);
    expect(again.body.allowed).toEqual(['accepted', 'waitlisted', 'rejected', 'withdrawn']);
    const { rows } = await server.db.query(`SELECT from_state, to_state FROM audit_events WHERE entity_id = $1 AND action = 'application.submitted'`, [draft.id]);
    expect(rows).toEqual([{ from_state: 'draft', to_state: 'submitted' }]);
  });

  it('is submitted only inside the application window of an open cohort (409 otherwise)', async () => {
    const early = await openCohort(server, manager, programme.id, {
      applicationOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
      applicationClosesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    const entrepreneur = await registerEntrepreneur(server);
    const draft = await applyTo(server, entrepreneur, early.id);
    const refused = await server.http.post(`/api/applications/${draft.id}/submit`).set(entrepreneur.auth).expect(409);
    expect(refused.body.code).toBe('application_window_closed');

    const closing = await openCohort(server, manager, programme.id);
    const late = await registerEntrepreneur(server);
    const lateDraft = await applyTo(server, late, closing.id);
    await moveCohort(server, manager, closing.id, 'selecting');
    expect((await server.http.post(`/api/applications/${lateDraft.id}/submit`).set(late.auth).expect(409)).body.code).toBe('application_window_closed');
    const closed = await server.http.post(`/api/cohorts/${closing.id}/applications`).set(entrepreneur.auth).send({ answers: SAMPLE_ANSWERS }).expect(404);
    expect(closed.body.code).toBe('not_found');
  });

  it('is withdrawn by the applicant before a decision, audited', async () => {
    const { entrepreneur, application } = await submittedApplicant(server, cohort.id);
    const withdrawn = await server.http.post(`/api/applications/${application.id}/withdraw`).set(entrepreneur.auth).send({ reason: 'Fick jobb' }).expect(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    await server.http.post(`/api/applications/${application.id}/withdraw`).set(entrepreneur.auth).send({}).expect(409);
    const { rows } = await server.db.query(`SELECT from_state, to_state, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'application.withdrawn'`, [application.id]);
    expect(rows).toEqual([{ from_state: 'submitted', to_state: 'withdrawn', reason: 'Fick jobb' }]);
  });

  it('is seen by its applicant and its cohort’s managers (once submitted) only: others get 404', async () => {
    const { entrepreneur, application } = await submittedApplicant(server, cohort.id);
    const draftOwner = await registerEntrepreneur(server);
    const draft = await applyTo(server, draftOwner, cohort.id);
    const stranger = await registerEntrepreneur(server);
    const reviewer = await invitePerson(server, manager, 'reviewer', { cohortId: cohort.id });

    await server.http.get(`/api/applications/${application.id}`).set(entrepreneur.auth).expect(200);
    await server.http.get(`/api/applications/${application.id}`).set(manager.auth).expect(200);
    await server.http.get(`/api/applications/${application.id}`).set(admin.auth).expect(200);
    await server.http.get(`/api/applications/${draft.id}`).set(manager.auth).expect(404);
    for (const outsider of [stranger, otherManager, reviewer]) {
      await server.http.get(`/api/applications/${application.id}`).set(outsider.auth).expect(404);
    }
    await server.http.put(`/api/applications/${draft.id}`).set(stranger.auth).set('If-Match', '"1"').send({ answers: SAMPLE_ANSWERS }).expect(404);
    await server.http.post(`/api/applications/${draft.id}/submit`).set(stranger.auth).expect(404);
    await server.http.post(`/api/applications/${application.id}/withdraw`).set(stranger.auth).send({}).expect(404);
    await server.http.post(`/api/applications/${application.id}/decision`).set(otherManager.auth).send({ decision: 'accept' }).expect(404);
  });

  it('names its applicant to everyone who may see it, once withdrawn too; others still get 404', async () => {
    const named = await openCohort(server, manager, programme.id);
    const { entrepreneur, application } = await submittedApplicant(server, named.id, 'Hedda Namnsson');
    const reviewer = await cohortReviewer(server, manager, named.id);
    await assignReviewer(server, manager, application.id, reviewer.userId);
    const nameSeenBy = async (viewer: Session) => (await server.http.get(`/api/applications/${application.id}`).set(viewer.auth).expect(200)).body.applicantName;

    for (const viewer of [entrepreneur, manager, admin, reviewer]) expect(await nameSeenBy(viewer)).toBe('Hedda Namnsson');
    const listed = await server.http.get(`/api/cohorts/${named.id}/applications`).set(manager.auth).expect(200);
    expect(listed.body.items.map((a: { applicantName: string }) => a.applicantName)).toEqual(['Hedda Namnsson']);

    // A withdrawn application leaves the scoreboard, not its manager's sight: its page still says whose it is.
    const withdrawn = await server.http.post(`/api/applications/${application.id}/withdraw`).set(entrepreneur.auth).send({}).expect(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', applicantName: 'Hedda Namnsson' });
    for (const viewer of [manager, admin]) expect(await nameSeenBy(viewer)).toBe('Hedda Namnsson');
    await server.http.get(`/api/applications/${application.id}`).set(otherManager.auth).expect(404);
    await server.http.get(`/api/cohorts/${named.id}/applications`).set(otherManager.auth).expect(404);
  });

  it('lists the cohort’s applications: managers the submitted ones, applicants their own', async () => {
    const listed = await openCohort(server, manager, programme.id);
    const { entrepreneur, application } = await submittedApplicant(server, listed.id);
    const draftOwner = await registerEntrepreneur(server);
    const draft = await applyTo(server, draftOwner, listed.id);

    const managed = await server.http.get(`/api/cohorts/${listed.id}/applications`).set(manager.auth).expect(200);
    expect(managed.body.items.map((a: { id: string }) => a.id)).toEqual([application.id]);
    const own = await server.http.get(`/api/cohorts/${listed.id}/applications`).set(draftOwner.auth).expect(200);
    expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([draft.id]);
    const filtered = await server.http.get(`/api/cohorts/${listed.id}/applications?state=draft`).set(entrepreneur.auth).expect(200);
    expect(filtered.body.items).toEqual([]);
    await server.http.get(`/api/cohorts/${listed.id}/applications`).set(otherManager.auth).expect(404);
  });

  it('is decided by a manager while the cohort is selecting; a decision is final except from the waitlist', async () => {
    const deciding = await openCohort(server, manager, programme.id, { seats: 1 });
    const first = await submittedApplicant(server, deciding.id);
    const second = await submittedApplicant(server, deciding.id);
    const tooEarly = await server.http.post(`/api/applications/${first.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(409);
    expect(tooEarly.body.code).toBe('cohort_not_selecting');
    await moveCohort(server, manager, deciding.id, 'selecting');

    const waitlisted = await server.http.post(`/api/applications/${first.application.id}/decision`).set(manager.auth).send({ decision: 'waitlist', note: 'Stark, men sent' }).expect(200);
    expect(waitlisted.body).toMatchObject({ state: 'waitlisted', decisionNote: 'Stark, men sent' });
    await server.http.post(`/api/applications/${second.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
    const full = await server.http.post(`/api/applications/${first.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(409);
    expect(full.body).toMatchObject({ code: 'seats_exhausted', seats: 1, accepted: 1 });
    await server.http.post(`/api/applications/${first.application.id}/decision`).set(manager.auth).send({ decision: 'reject' }).expect(200);
    await server.http.post(`/api/applications/${second.application.id}/decision`).set(manager.auth).send({ decision: 'reject' }).expect(409);
    await server.http.post(`/api/applications/${second.application.id}/decision`).set(manager.auth).send({ decision: 'maybe' }).expect(400);
    const seats = await server.http.put(`/api/cohorts/${deciding.id}`).set(manager.auth).set('If-Match', '"3"').send({ seats: 0 }).expect(400);
    expect(seats.body.errors[0].field).toBe('seats');

    const { rows } = await server.db.query(`SELECT from_state, to_state, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'application.decided' ORDER BY occurred_at`, [first.application.id]);
    expect(rows).toEqual([
      { from_state: 'submitted', to_state: 'waitlisted', reason: 'Stark, men sent' },
      { from_state: 'waitlisted', to_state: 'rejected', reason: null },
    ]);
  });

  it('is withdrawn from the waiting list by its applicant only; it then leaves the scoreboard and can no longer be accepted', async () => {
    const waiting = await openCohort(server, manager, programme.id, { seats: 1 });
    const leaving = await submittedApplicant(server, waiting.id, 'Lova Reserv');
    const staying = await submittedApplicant(server, waiting.id, 'Sixten Reserv');
    const other = await registerEntrepreneur(server);
    await moveCohort(server, manager, waiting.id, 'selecting');
    for (const { application } of [leaving, staying]) {
      await server.http.post(`/api/applications/${application.id}/decision`).set(manager.auth).send({ decision: 'waitlist' }).expect(200);
    }

    // Only the applicant: another entrepreneur does not find it, a manager has no withdraw route.
    await server.http.post(`/api/applications/${leaving.application.id}/withdraw`).set(other.auth).send({}).expect(404);
    await server.http.post(`/api/applications/${leaving.application.id}/withdraw`).set(manager.auth).send({}).expect(403);
    const withdrawn = await server.http.post(`/api/applications/${leaving.application.id}/withdraw`).set(leaving.entrepreneur.auth).send({ reason: 'Fick en annan plats' }).expect(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', version: leaving.application.version + 2 });
    const again = await server.http.post(`/api/applications/${leaving.application.id}/withdraw`).set(leaving.entrepreneur.auth).send({}).expect(409);
    expect(again.body).toMatchObject({ code: 'invalid_transition', allowed: [] });

    // The manager can no longer take them from the waiting list, and the one seat is still free for the next.
    const accept = await server.http.post(`/api/applications/${leaving.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(409);
    expect(accept.body.code).toBe('invalid_transition');
    const board = await server.http.get(`/api/cohorts/${waiting.id}/scoreboard`).set(manager.auth).expect(200);
    expect(board.body.rows.map((row: { applicantName: string; state: string }) => [row.applicantName, row.state])).toEqual([['Sixten Reserv', 'waitlisted']]);
    await server.http.post(`/api/applications/${staying.application.id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);

    const { rows } = await server.db.query(
      `SELECT action, from_state, to_state, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'application.withdrawn'`,
      [leaving.application.id],
    );
    expect(rows).toEqual([{ action: 'application.withdrawn', from_state: 'waitlisted', to_state: 'withdrawn', reason: 'Fick en annan plats' }]);
  });

  it('refuses application routes to roles outside them', async () => {
    const planning = await createCohort(server, manager, programme.id);
    await server.http.post(`/api/cohorts/${planning.id}/applications`).set(manager.auth).send({ answers: {} }).expect(403);
    const { entrepreneur, application } = await submittedApplicant(server, cohort.id);
    await server.http.post(`/api/applications/${application.id}/decision`).set(entrepreneur.auth).send({ decision: 'accept' }).expect(403);
    await server.http.post(`/api/applications/${application.id}/submit`).expect(401);
  });
});
