import {
  applyTo,
  cohortBody,
  createCohort,
  invitePerson,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  SAMPLE_QUESTIONS,
  SAMPLE_RUBRIC,
  TestServer,
  uniqueEmail,
  type ProgrammeBody,
  type Session,
} from '@samverka/testing';

describe('cohorts', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let programme: ProgrammeBody;
  let otherManager: Session;
  let otherProgramme: ProgrammeBody;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    ({ programme, manager } = await programmeWithManager(server, admin));
    ({ programme: otherProgramme, manager: otherManager } = await programmeWithManager(server, admin));
  });
  afterAll(() => server.stop());

  it('takes a cohort’s first and last day as dates, answers with what it stored, and refuses a time of day', async () => {
    const cohort = await createCohort(server, manager, programme.id, { startsOn: '2027-03-01', endsOn: '2027-06-30' });
    const read = await server.http.get(`/api/cohorts/${cohort.id}`).set(manager.auth).expect(200);
    expect([cohort.startsOn, cohort.endsOn]).toEqual(['2027-03-01', '2027-06-30']);
    expect([read.body.startsOn, read.body.endsOn]).toEqual(['2027-03-01', '2027-06-30']);
    const refused = await server.http
      .post('/api/cohorts')
      .set(manager.auth)
      .send(cohortBody(programme.id, { startsOn: '2027-03-01T23:30:00-05:00' }))
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'startsOn', message: 'startsOn must be a date (YYYY-MM-DD)', code: 'isIso8601' }]);
  });

  it('a manager creates a cohort that starts from the programme’s questions and rubric, in planning, audited', async () => {
    const cohort = await createCohort(server, manager, programme.id, { languages: ['SV', 'en', 'sv'] });
    expect(cohort).toMatchObject({ state: 'planning', questions: SAMPLE_QUESTIONS, rubric: SAMPLE_RUBRIC, languages: ['sv', 'en'], allowedTransitions: ['open', 'archived'], seats: 5 });
    const { rows } = await server.db.query(`SELECT action, to_state FROM audit_events WHERE entity_id = $1`, [cohort.id]);
    expect(rows).toEqual([{ action: 'cohort.created', to_state: 'planning' }]);
  });

  it('refuses bad input with a problem naming the field', async () => {
    const closesFirst = await server.http
      .post('/api/cohorts')
      .set(manager.auth)
      .send(cohortBody(programme.id, { applicationOpensAt: '2026-05-01T00:00:00Z', applicationClosesAt: '2026-04-01T00:00:00Z' }))
      .expect(400);
    expect(closesFirst.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(closesFirst.body.errors).toEqual([{ field: 'applicationClosesAt', message: 'applicationClosesAt must be after applicationOpensAt', code: 'beforeStart' }]);
    const language = await server.http.post('/api/cohorts').set(manager.auth).send(cohortBody(programme.id, { languages: ['sv', 'xx'] })).expect(400);
    expect(language.body.errors).toEqual([{ field: 'languages', message: 'xx is not an ISO 639-1 language code', code: 'isLanguageCode' }]);
    const seats = await server.http.post('/api/cohorts').set(manager.auth).send(cohortBody(programme.id, { seats: 0 })).expect(400);
    expect(seats.body.errors[0].field).toBe('seats');
    const question = await server.http
      .post('/api/cohorts')
      .set(manager.auth)
      .send(cohortBody(programme.id, { questions: [{ key: 'Bad Key', label: 'x', type: 'text', required: true }] }))
      .expect(400);
    expect(question.body.errors[0].field).toBe('questions[0].key');
  });

  it('hides other programmes’ cohorts from a manager: 404, never the data', async () => {
    const cohort = await createCohort(server, manager, programme.id);
    await server.http.post('/api/cohorts').set(otherManager.auth).send(cohortBody(programme.id)).expect(404);
    await server.http.get(`/api/cohorts/${cohort.id}`).set(otherManager.auth).expect(404);
    await server.http.put(`/api/cohorts/${cohort.id}`).set(otherManager.auth).set('If-Match', '"1"').send({ name: 'Kapad' }).expect(404);
    await server.http.post(`/api/cohorts/${cohort.id}/transitions`).set(otherManager.auth).send({ to: 'open' }).expect(404);
    await server.http.get(`/api/cohorts/${cohort.id}/reviewers`).set(otherManager.auth).expect(404);
    const list = await server.http.get('/api/cohorts').set(otherManager.auth).expect(200);
    expect(list.body.items.every((c: { programmeId: string }) => c.programmeId === otherProgramme.id)).toBe(true);
  });

  it('edits with If-Match; questions and rubric are frozen once open (409), other fields are not', async () => {
    const cohort = await createCohort(server, manager, programme.id);
    await server.http.put(`/api/cohorts/${cohort.id}`).set(manager.auth).send({ name: 'Utan version' }).expect(428);
    const edited = await server.http
      .put(`/api/cohorts/${cohort.id}`)
      .set(manager.auth)
      .set('If-Match', '"1"')
      .send({ questions: SAMPLE_QUESTIONS.slice(0, 2) })
      .expect(200);
    expect(edited.body.questions).toHaveLength(2);
    expect(edited.headers.etag).toBe('"2"');

    const opened = await moveCohort(server, manager, cohort.id, 'open');
    const frozen = await server.http
      .put(`/api/cohorts/${cohort.id}`)
      .set(manager.auth)
      .set('If-Match', `"${opened.version}"`)
      .send({ rubric: [{ key: 'impact', label: 'Impact', weight: 1 }] })
      .expect(409);
    expect(frozen.body).toMatchObject({ code: 'cohort_content_frozen', fields: ['rubric'] });
    const unchanged = await server.http
      .put(`/api/cohorts/${cohort.id}`)
      .set(manager.auth)
      .set('If-Match', `"${opened.version}"`)
      .send({ name: 'Nytt namn', questions: edited.body.questions, seats: 8 })
      .expect(200);
    expect(unchanged.body).toMatchObject({ name: 'Nytt namn', seats: 8 });
  });

  it('moves through its lifecycle by the transition table; a wrong move is 409 naming the allowed ones', async () => {
    const cohort = await createCohort(server, manager, programme.id);
    const wrong = await server.http.post(`/api/cohorts/${cohort.id}/transitions`).set(manager.auth).send({ to: 'running' }).expect(409);
    expect(wrong.body).toMatchObject({ code: 'invalid_transition', from: 'planning', to: 'running', allowed: ['open', 'archived'] });
    for (const to of ['open', 'selecting', 'running', 'completed', 'archived']) {
      await server.http.post(`/api/cohorts/${cohort.id}/transitions`).set(manager.auth).send({ to, reason: `nu ${to}` }).expect(200);
    }
    const final = await server.http.post(`/api/cohorts/${cohort.id}/transitions`).set(manager.auth).send({ to: 'open' }).expect(409);
    expect(final.body.allowed).toEqual([]);
    const { rows } = await server.db.query(`SELECT from_state, to_state, reason FROM audit_events LEFT JOIN audit_texts ON event_id = id WHERE entity_id = $1 AND action = 'cohort.transitioned' ORDER BY occurred_at`, [cohort.id]);
    expect(rows.map((r) => `${r.from_state}→${r.to_state}`)).toEqual(['planning→open', 'open→selecting', 'selecting→running', 'running→completed', 'completed→archived']);
    expect(rows[0].reason).toBe('nu open');
    await server.http.post(`/api/cohorts/${cohort.id}/transitions`).set(manager.auth).send({ to: 'closed' }).expect(400);
  });

  it('keeps seats at or above the accepted applicants, and a closed cohort as it was', async () => {
    const cohort = await openCohort(server, manager, programme.id, { seats: 2 });
    const applications: string[] = [];
    for (let i = 0; i < 2; i++) {
      const applicant = await registerEntrepreneur(server);
      const application = await applyTo(server, applicant, cohort.id);
      await server.http.post(`/api/applications/${application.id}/submit`).set(applicant.auth).expect(200);
      applications.push(application.id);
    }
    await moveCohort(server, manager, cohort.id, 'selecting');
    for (const id of applications) await server.http.post(`/api/applications/${id}/decision`).set(manager.auth).send({ decision: 'accept' }).expect(200);
    const etag = async () => (await server.http.get(`/api/cohorts/${cohort.id}`).set(manager.auth).expect(200)).headers.etag;
    const belowAccepted = await server.http.put(`/api/cohorts/${cohort.id}`).set(manager.auth).set('If-Match', await etag()).send({ seats: 1 }).expect(409);
    expect(belowAccepted.body).toMatchObject({ code: 'seats_below_accepted', accepted: 2 });
    await server.http.put(`/api/cohorts/${cohort.id}`).set(manager.auth).set('If-Match', await etag()).send({ seats: 3, name: 'Ändrad' }).expect(200);
    for (const to of ['running', 'completed']) await moveCohort(server, manager, cohort.id, to);
    const closed = await server.http.put(`/api/cohorts/${cohort.id}`).set(manager.auth).set('If-Match', await etag()).send({ name: 'I efterhand' }).expect(409);
    expect(closed.body.code).toBe('cohort_closed');
  });

  it('lists paginated and filtered by programme and state', async () => {
    const { programme: own, manager: listing } = await programmeWithManager(server, admin);
    const planning = await createCohort(server, listing, own.id);
    const open = await openCohort(server, listing, own.id);
    const page1 = await server.http.get(`/api/cohorts?programmeId=${own.id}&limit=1`).set(listing.auth).expect(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await server.http.get(`/api/cohorts?programmeId=${own.id}&limit=1&cursor=${page1.body.nextCursor}`).set(listing.auth).expect(200);
    expect([...page1.body.items, ...page2.body.items].map((c: { id: string }) => c.id).sort()).toEqual([planning.id, open.id].sort());
    expect(page2.body.nextCursor).toBeNull();
    const openOnly = await server.http.get(`/api/cohorts?programmeId=${own.id}&state=open`).set(listing.auth).expect(200);
    expect(openOnly.body.items.map((c: { id: string }) => c.id)).toEqual([open.id]);
    await server.http.get('/api/cohorts?state=closed').set(listing.auth).expect(400);
  });

  it('shows entrepreneurs the open cohorts and those they applied to, not the ones in planning', async () => {
    const planning = await createCohort(server, manager, programme.id);
    const open = await openCohort(server, manager, programme.id);
    const appliedTo = await openCohort(server, manager, programme.id);
    const entrepreneur = await registerEntrepreneur(server);
    await applyTo(server, entrepreneur, appliedTo.id);
    await moveCohort(server, manager, appliedTo.id, 'selecting');

    await server.http.get(`/api/cohorts/${planning.id}`).set(entrepreneur.auth).expect(404);
    await server.http.get(`/api/cohorts/${open.id}`).set(entrepreneur.auth).expect(200);
    await server.http.get(`/api/cohorts/${appliedTo.id}`).set(entrepreneur.auth).expect(200);
    const visible = await server.http.get(`/api/cohorts?programmeId=${programme.id}&limit=100`).set(entrepreneur.auth).expect(200);
    const ids = visible.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, appliedTo.id]));
    expect(ids).not.toContain(planning.id);
    await server.http.post('/api/cohorts').set(entrepreneur.auth).send(cohortBody(programme.id)).expect(403);
  });

  it('takes reviewers: people with the reviewer role, added by hand or invited to the cohort', async () => {
    const cohort = await createCohort(server, manager, programme.id);
    const entrepreneur = await registerEntrepreneur(server);
    const notReviewer = await server.http.post(`/api/cohorts/${cohort.id}/reviewers`).set(manager.auth).send({ userId: entrepreneur.userId }).expect(422);
    expect(notReviewer.body.code).toBe('not_a_reviewer');

    const invited = await invitePerson(server, manager, 'reviewer', { cohortId: cohort.id }, 'Inbjuden Jury');
    const byHand = await invitePerson(server, admin, 'reviewer', {}, 'Tillagd Jury');
    const added = await server.http.post(`/api/cohorts/${cohort.id}/reviewers`).set(manager.auth).send({ userId: byHand.userId }).expect(201);
    expect(added.body).toMatchObject({ userId: byHand.userId, displayName: 'Tillagd Jury' });
    await server.http.post(`/api/cohorts/${cohort.id}/reviewers`).set(manager.auth).send({ userId: byHand.userId }).expect(409);

    // A manager cannot place reviewers in another programme's cohort through an invitation: to them it does not exist.
    await server.http.post('/api/invitations').set(otherManager.auth).send({ email: uniqueEmail(), role: 'reviewer', cohortId: cohort.id }).expect(404);

    const list = await server.http.get(`/api/cohorts/${cohort.id}/reviewers`).set(manager.auth).expect(200);
    expect(list.body.items.map((r: { userId: string }) => r.userId)).toEqual([invited.userId, byHand.userId]);
    await server.http.get(`/api/cohorts/${cohort.id}`).set(invited.auth).expect(200);
  });
});
