import { cohortWithTracks, createDepartment, departmentMember, GRADUATION_CRITERIA, invitePerson, programmeWithManager, registerEntrepreneur, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

describe('tracks: from a confirmed match through the gates to graduation', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let amira: Session;
  let bo: Session;
  let amirasTrack: string;
  let bosTrack: string;
  let outsiders: { member: Session; entrepreneur: Session; manager: Session; reviewer: Session };

  const track = (id: string, as: Session = cohort.manager) => server.http.get(`/api/tracks/${id}`).set(as.auth);
  /** Advances with the track's current version, as a client that just read it would. */
  const advance = async (id: string, body: Record<string, unknown>, status: number, as: Session = cohort.manager) => {
    const { version } = (await track(id).expect(200)).body;
    return server.http.post(`/api/tracks/${id}/advance`).set(as.auth).set('If-Match', `"${version}"`).send(body).expect(status);
  };
  const put = async (id: string, what: 'test-plan' | 'graduation-criteria', body: Record<string, unknown>, status: number, as: Session = cohort.manager) => {
    const { version } = (await track(id).expect(200)).body;
    return server.http.put(`/api/tracks/${id}/${what}`).set(as.auth).set('If-Match', `"${version}"`).send(body).expect(status);
  };
  const testPlan = (overrides: Record<string, unknown> = {}) => ({
    testEnvironmentId: cohort.consentEnvironmentId,
    startsOn: '2026-10-01',
    endsOn: '2026-11-15',
    users: 12,
    whatWillBeTried: 'Kvällsträffar där unga själva bokar lokalen via en enkel app.',
    consentArrangements: 'Skriftligt samtycke från vårdnadshavare före första träffen.',
    ...overrides,
  });
  const session = (overrides: Record<string, unknown> = {}) => ({
    heldOn: '2026-10-08',
    testEnvironmentId: cohort.consentEnvironmentId,
    usersInvolved: 9,
    whatWasTried: 'Bokning av lokalen via appen',
    whatWasObserved: 'Sju av nio bokade utan hjälp.',
    consentObtained: true,
    ...overrides,
  });

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    [amira, bo] = cohort.participants;
    [amirasTrack, bosTrack] = cohort.trackIds;
    const otherDepartment = await createDepartment(server, cohort.admin);
    outsiders = {
      member: await departmentMember(server, cohort.admin, otherDepartment.id),
      entrepreneur: await registerEntrepreneur(server),
      manager: (await programmeWithManager(server, cohort.admin)).manager,
      reviewer: await invitePerson(server, cohort.admin, 'reviewer'),
    };
  });
  afterAll(() => server.stop());

  it('shows a track to everyone on it, with its stage history, and to nobody else', async () => {
    const seen = await track(amirasTrack, amira).expect(200);
    expect(seen.headers.etag).toBe(`"${seen.body.version}"`);
    expect(seen.body).toMatchObject({
      participantId: amira.userId,
      challengeId: cohort.challengeIds[0],
      departmentId: cohort.departmentId,
      cohortId: cohort.cohortId,
      stage: 'matched',
      allowedMoves: ['co_design', 'discontinued'],
      testPlan: null,
      graduation: null,
      graduationCriteria: GRADUATION_CRITERIA.map((c) => ({ ...c, met: false })),
    });
    expect(seen.body.history).toEqual([expect.objectContaining({ from: null, to: 'matched' })]);
    for (const insider of [cohort.member, cohort.manager, cohort.admin]) await track(amirasTrack, insider).expect(200);
    for (const outsider of [bo, outsiders.member, outsiders.entrepreneur, outsiders.manager]) await track(amirasTrack, outsider).expect(404);
    await track(amirasTrack, outsiders.reviewer).expect(403);
    await server.http.get(`/api/tracks/${amirasTrack}/learnings`).set(outsiders.member.auth).expect(404);
    await server.http.post(`/api/tracks/${amirasTrack}/notes`).set(outsiders.entrepreneur.auth).send({ text: 'Hej' }).expect(404);

    const ids = async (as: Session, query = '') => (await server.http.get(`/api/tracks${query}`).set(as.auth).expect(200)).body.items.map((t: { id: string }) => t.id);
    expect(await ids(amira)).toEqual([amirasTrack]);
    expect((await ids(cohort.member)).sort()).toEqual([amirasTrack, bosTrack].sort());
    expect(await ids(outsiders.member)).toEqual([]);
    expect(await ids(outsiders.manager)).toEqual([]);
    expect(await ids(cohort.manager, `?challengeId=${cohort.challengeIds[1]}`)).toEqual([bosTrack]);
    expect(await ids(cohort.manager, `?cohortId=${cohort.cohortId}&stage=co_design`)).toEqual([]);
    const firstPage = await server.http.get('/api/tracks?limit=1').set(cohort.manager.auth).expect(200);
    const secondPage = await server.http.get(`/api/tracks?limit=1&cursor=${firstPage.body.nextCursor}`).set(cohort.manager.auth).expect(200);
    expect([...firstPage.body.items, ...secondPage.body.items].map((t: { id: string }) => t.id).sort()).toEqual([amirasTrack, bosTrack].sort());
    await server.http.get('/api/tracks?stage=flying').set(cohort.manager.auth).expect(400);
  });

  it('lets only the cohort’s managers move a track, one stage at a time, on the version they read', async () => {
    const wrong = await advance(amirasTrack, { to: 'test_environment', note: 'Hoppa över' }, 409);
    expect(wrong.body).toMatchObject({ code: 'invalid_transition', allowed: ['co_design', 'discontinued'] });
    await server.http.post(`/api/tracks/${amirasTrack}/advance`).set(cohort.manager.auth).send({ to: 'co_design', note: 'Start' }).expect(428);
    await server.http.post(`/api/tracks/${amirasTrack}/advance`).set(cohort.manager.auth).set('If-Match', '"99"').send({ to: 'co_design', note: 'Start' }).expect(412);
    await advance(amirasTrack, { to: 'co_design', note: 'Start' }, 403, cohort.member);
    await advance(amirasTrack, { to: 'co_design', note: 'Start' }, 403, amira);
    await server.http.post(`/api/tracks/${amirasTrack}/advance`).set(outsiders.manager.auth).set('If-Match', '"1"').send({ to: 'co_design', note: 'Start' }).expect(404);
    await advance(amirasTrack, { to: 'co_design' }, 400);
    await advance(amirasTrack, { to: 'co_design', note: 'Start', outcome: 'procured' }, 400);

    const moved = await advance(amirasTrack, { to: 'co_design', note: 'Behovet är förankrat; samskapandet börjar.' }, 200);
    expect(moved.body).toMatchObject({ stage: 'co_design', allowedMoves: ['test_environment', 'discontinued'] });
    expect(moved.body.history.map((h: { to: string }) => h.to)).toEqual(['matched', 'co_design']);
    expect(moved.body.history[1]).toMatchObject({ from: 'matched', note: 'Behovet är förankrat; samskapandet börjar.', actorId: cohort.manager.userId });
  });

  it('applies exactly one of two simultaneous moves', async () => {
    const { version } = (await track(bosTrack).expect(200)).body;
    const send = () => server.http.post(`/api/tracks/${bosTrack}/advance`).set(cohort.manager.auth).set('If-Match', `"${version}"`).send({ to: 'co_design', note: 'Samtidigt' });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = (await track(bosTrack).expect(200)).body;
    expect(after.history).toHaveLength(2);
    expect(after.version).toBe(version + 1);
  });

  it('needs a test plan in one of the challenge’s environments to enter the test environment; the challenge follows', async () => {
    const missing = await advance(amirasTrack, { to: 'test_environment', note: 'Dags' }, 409);
    expect(missing.body).toMatchObject({ code: 'gate_not_met', missing: ['test_plan'] });
    await server.http.post(`/api/tracks/${amirasTrack}/test-sessions`).set(amira.auth).send(session()).expect(409, /track_not_testing/);

    const elsewhere = await put(amirasTrack, 'test-plan', testPlan({ testEnvironmentId: cohort.challengeIds[0] }), 400, amira);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'testEnvironmentId' })]);
    await put(amirasTrack, 'test-plan', testPlan({ endsOn: '2026-09-01' }), 400, amira);
    await put(amirasTrack, 'test-plan', testPlan(), 403, outsiders.reviewer);
    const planned = await put(amirasTrack, 'test-plan', testPlan(), 200, amira);
    expect(planned.body.testPlan).toEqual(testPlan());
    expect(planned.headers.etag).toBe(`"${planned.body.version}"`);

    await advance(amirasTrack, { to: 'test_environment', note: 'Planen håller.' }, 200);
    const challenge = await server.http.get(`/api/challenges/${cohort.challengeIds[0]}`).set(cohort.manager.auth).expect(200);
    expect(challenge.body.state).toBe('in_test');
  });

  it('records test sessions only in an offered environment, and never without required written consent', async () => {
    const noConsent = await server.http.post(`/api/tracks/${amirasTrack}/test-sessions`).set(cohort.member.auth).send(session({ consentObtained: false })).expect(409);
    expect(noConsent.body).toMatchObject({ code: 'consent_required', testEnvironmentId: cohort.consentEnvironmentId });
    expect(noConsent.body.detail).toMatch(/consent/);
    await server.http.post(`/api/tracks/${amirasTrack}/test-sessions`).set(amira.auth).send(session({ testEnvironmentId: bosTrack })).expect(400);
    await server.http.post(`/api/tracks/${amirasTrack}/test-sessions`).set(amira.auth).send(session({ heldOn: '2026-10-08T10:00:00Z' })).expect(400);

    const missing = await advance(amirasTrack, { to: 'evaluation', note: 'Klart?' }, 409);
    expect(missing.body.missing).toEqual(['test_session']);
    await server.http.post(`/api/tracks/${amirasTrack}/test-sessions`).set(amira.auth).send(session()).expect(201);
    const informal = await server.http
      .post(`/api/tracks/${amirasTrack}/test-sessions`)
      .set(cohort.member.auth)
      .send(session({ heldOn: '2026-10-01', testEnvironmentId: cohort.openEnvironmentId, consentObtained: false }))
      .expect(201);
    expect(informal.body).toMatchObject({ authorId: cohort.member.userId, consentObtained: false });
    const listed = await server.http.get(`/api/tracks/${amirasTrack}/test-sessions`).set(cohort.manager.auth).expect(200);
    expect(listed.body.items.map((s: { heldOn: string }) => s.heldOn)).toEqual(['2026-10-01', '2026-10-08']);
    await advance(amirasTrack, { to: 'evaluation', note: 'Två tillfällen räcker för en första utvärdering.' }, 200);
  });

  it('keeps milestones, learnings and notes from everyone on the track', async () => {
    const milestone = await server.http.post(`/api/tracks/${amirasTrack}/milestones`).set(amira.auth).send({ title: 'Utvärderingsrapport', dueOn: '2026-12-01' }).expect(201);
    await server.http.post(`/api/tracks/${amirasTrack}/milestones`).set(cohort.member.auth).send({ title: 'Första prototyp', dueOn: '2026-09-20' }).expect(201);
    expect(milestone.body).toMatchObject({ done: false, doneAt: null, authorId: amira.userId });
    const patchUrl = `/api/tracks/${amirasTrack}/milestones/${milestone.body.id}`;
    await server.http.patch(patchUrl).set(cohort.member.auth).send({ done: true }).expect(428);
    const done = await server.http.patch(patchUrl).set(cohort.member.auth).set('If-Match', `"${milestone.body.version}"`).send({ done: true }).expect(200);
    expect(done.body).toMatchObject({ done: true, title: 'Utvärderingsrapport' });
    await server.http.patch(patchUrl).set(cohort.member.auth).set('If-Match', `"${milestone.body.version}"`).send({ done: false }).expect(412);
    await server.http.patch(`/api/tracks/${bosTrack}/milestones/${milestone.body.id}`).set(cohort.member.auth).set('If-Match', '"2"').send({ done: false }).expect(404);
    // Anyone on the track renames and reschedules it, never to an empty title.
    const emptied = await server.http.patch(patchUrl).set(amira.auth).set('If-Match', `"${done.body.version}"`).send({ title: '  ', dueOn: '2026-12-15' }).expect(400);
    expect(emptied.body.errors.map((error: { field: string }) => error.field)).toEqual(['title']);
    const renamed = await server.http.patch(patchUrl).set(amira.auth).set('If-Match', `"${done.body.version}"`).send({ title: 'Slutrapport', dueOn: '2026-12-15' }).expect(200);
    expect(renamed.body).toMatchObject({ title: 'Slutrapport', dueOn: '2026-12-15', done: true });
    const retitled = await server.http.patch(patchUrl).set(cohort.manager.auth).set('If-Match', `"${renamed.body.version}"`).send({ title: 'Utvärderingsrapport' }).expect(200);
    expect(retitled.body).toMatchObject({ title: 'Utvärderingsrapport', dueOn: '2026-12-15' });
    await server.http.patch(patchUrl).set(outsiders.member.auth).set('If-Match', `"${retitled.body.version}"`).send({ title: 'Inte min' }).expect(404);
    const milestones = await server.http.get(`/api/tracks/${amirasTrack}/milestones`).set(amira.auth).expect(200);
    expect(milestones.body.items.map((m: { title: string; done: boolean }) => [m.title, m.done])).toEqual([
      ['Första prototyp', false],
      ['Utvärderingsrapport', true],
    ]);

    const learning = await server.http
      .post(`/api/tracks/${amirasTrack}/learnings`)
      .set(cohort.member.auth)
      .send({ kind: 'obstacle', text: 'Lokalbokningen kräver BankID, som unga under 18 sällan har.', tags: [' BankID ', 'bankid', 'Unga'] })
      .expect(201);
    expect(learning.body).toMatchObject({ kind: 'obstacle', tags: ['bankid', 'unga'], authorId: cohort.member.userId });
    await server.http.post(`/api/tracks/${amirasTrack}/learnings`).set(amira.auth).send({ kind: 'enabler', text: 'Fritidsledarna gick i god för de unga.' }).expect(201);
    await server.http.post(`/api/tracks/${amirasTrack}/learnings`).set(cohort.manager.auth).send({ kind: 'hunch', text: 'x' }).expect(400);
    const obstacles = await server.http.get(`/api/tracks/${amirasTrack}/learnings?kind=obstacle`).set(amira.auth).expect(200);
    expect(obstacles.body.items).toHaveLength(1);
    const tagged = await server.http.get(`/api/tracks/${amirasTrack}/learnings?tag=BANKID`).set(cohort.manager.auth).expect(200);
    expect(tagged.body.items.map((l: { id: string }) => l.id)).toEqual([learning.body.id]);
    const page = await server.http.get(`/api/tracks/${amirasTrack}/learnings?limit=1`).set(amira.auth).expect(200);
    expect(page.body.nextCursor).toEqual(expect.any(String));

    await server.http.post(`/api/tracks/${amirasTrack}/notes`).set(cohort.manager.auth).send({ text: 'Bra tempo.' }).expect(201);
    const notes = await server.http.get(`/api/tracks/${amirasTrack}/notes`).set(cohort.member.auth).expect(200);
    expect(notes.body.items).toEqual([expect.objectContaining({ text: 'Bra tempo.', authorId: cohort.manager.userId })]);
    await server.http.get(`/api/tracks/${amirasTrack}/notes`).set(outsiders.reviewer.auth).expect(403);
  });

  it('graduates with an outcome summary and every criterion ticked; follow-ups come after', async () => {
    await server.http.post(`/api/tracks/${amirasTrack}/follow-ups`).set(amira.auth).send({ followedUpOn: '2026-12-20', text: 'För tidigt' }).expect(409, /track_not_graduated/);
    const missing = await advance(amirasTrack, { to: 'graduated', note: 'Klar' }, 409);
    expect(missing.body.missing).toEqual(['outcome', 'outcome_summary', ...GRADUATION_CRITERIA.map((c) => `graduation_criterion:${c.key}`)]);

    await put(amirasTrack, 'graduation-criteria', { met: ['tested_with_users'] }, 403, cohort.member);
    const unknown = await put(amirasTrack, 'graduation-criteria', { met: ['famous'] }, 400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'met[0]' })]);
    await put(amirasTrack, 'graduation-criteria', { met: ['tested_with_users'] }, 200);
    const graduation = { to: 'graduated', note: 'Förvaltningen tar över.', outcome: 'adopted_by_department', summary: 'Appen används på tre fritidsgårdar från januari.' };
    const stillMissing = await advance(amirasTrack, graduation, 409);
    expect(stillMissing.body.missing).toEqual(['graduation_criterion:need_owner_agrees']);
    await put(amirasTrack, 'graduation-criteria', { met: GRADUATION_CRITERIA.map((c) => c.key) }, 200);

    const graduated = await advance(amirasTrack, { ...graduation, graduatedOn: '2026-12-15' }, 200);
    expect(graduated.body).toMatchObject({
      stage: 'graduated',
      allowedMoves: [],
      graduation: { graduatedOn: '2026-12-15', outcome: 'adopted_by_department', summary: graduation.summary },
    });
    expect(graduated.body.graduationCriteria.every((c: { met: boolean }) => c.met)).toBe(true);
    expect((await advance(amirasTrack, { to: 'discontinued', note: 'Nej', reason: 'Nej' }, 409)).body.code).toBe('invalid_transition');
    expect((await put(amirasTrack, 'test-plan', testPlan(), 409, amira)).body.code).toBe('test_plan_closed');

    // The challenge's only track has ended, so the challenge is completed.
    const challenge = await server.http.get(`/api/challenges/${cohort.challengeIds[0]}`).set(cohort.manager.auth).expect(200);
    expect(challenge.body.state).toBe('completed');

    const followUp = await server.http.post(`/api/tracks/${amirasTrack}/follow-ups`).set(amira.auth).send({ followedUpOn: '2027-06-01', text: 'Används nu på fem gårdar.' }).expect(201);
    expect(followUp.body).toMatchObject({ followedUpOn: '2027-06-01', authorId: amira.userId });
    const followUps = await server.http.get(`/api/tracks/${amirasTrack}/follow-ups`).set(cohort.member.auth).expect(200);
    expect(followUps.body.items).toHaveLength(1);
  });

  it('discontinues only with a reason, from any stage before graduation', async () => {
    const bare = await advance(bosTrack, { to: 'discontinued', note: 'Avslut' }, 409);
    expect(bare.body).toMatchObject({ code: 'gate_not_met', missing: ['reason'] });
    const ended = await advance(bosTrack, { to: 'discontinued', note: 'Avslut', reason: 'Bo har fått jobb i en annan stad.' }, 200);
    expect(ended.body).toMatchObject({ stage: 'discontinued', discontinuedReason: 'Bo har fått jobb i en annan stad.', allowedMoves: [] });
    await server.http.post(`/api/tracks/${bosTrack}/test-sessions`).set(bo.auth).send(session()).expect(409);
  });

  it('writes an audit event for every change and tells the others on the track through the outbox', async () => {
    const audit = await server.db.query(`SELECT action, from_state, to_state, actor_id FROM audit_events WHERE entity_type = 'track' AND entity_id = $1 ORDER BY occurred_at, id`, [amirasTrack]);
    const actions = audit.rows.map((r: { action: string }) => r.action);
    expect(actions.filter((a: string) => a === 'track.advanced')).toHaveLength(3);
    expect(actions).toEqual(
      expect.arrayContaining(['track.started', 'track.test_plan_set', 'track.test_session_recorded', 'track.milestone_added', 'track.milestone_done', 'track.learning_added', 'track.note_added', 'track.criteria_ticked', 'track.graduated', 'track.follow_up_added']),
    );
    expect(audit.rows.find((r: { action: string }) => r.action === 'track.graduated')).toMatchObject({ from_state: 'evaluation', to_state: 'graduated', actor_id: cohort.manager.userId });

    const told = async (userId: string) =>
      (await server.db.query(`SELECT type FROM outbox_messages WHERE recipient_id = $1 AND payload->'data'->>'trackId' = $2`, [userId, amirasTrack])).rows.map((r: { type: string }) => r.type);
    const amiraWasTold = await told(amira.userId);
    expect(amiraWasTold.filter((t: string) => t === 'track.advanced')).toHaveLength(3);
    expect(amiraWasTold).toEqual(expect.arrayContaining(['track.graduated', 'track.learning_added', 'track.note_added', 'track.criteria_ticked']));
    // Nobody is told about what they did themselves.
    expect(amiraWasTold).not.toContain('track.follow_up_added');
    expect(await told(cohort.member.userId)).toEqual(expect.arrayContaining(['track.graduated', 'track.follow_up_added', 'track.test_plan_set']));
    expect(await told(bo.userId)).toEqual([]);
  });
});
