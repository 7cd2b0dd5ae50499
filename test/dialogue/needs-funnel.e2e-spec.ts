import {
  arrangeMeeting,
  completeChallengeContent,
  createDepartment,
  departmentMember,
  draftChallenge,
  loginAdmin,
  meetingHeld,
  openCohort,
  programmeWithManager,
  raiseNeed,
  registerEntrepreneur,
  signUpForMeeting,
  TestServer,
  TestWorker,
  runScheduledJob,
  vote,
  type Session,
} from '@samverka/testing';

/** On a server of its own: the funnel counts the whole installation. */
describe('the needs funnel, reminders, and a participant’s export and erasure', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let member: Session;
  let departmentId: string;
  let cohortId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    const programme = await programmeWithManager(server, admin);
    manager = programme.manager;
    cohortId = (await openCohort(server, manager, programme.programme.id)).id;
    departmentId = (await createDepartment(server, admin)).id;
    member = await departmentMember(server, admin, departmentId);
  });
  afterAll(() => server.stop());

  it('counts meetings held, people by sector, needs raised, needs drafted into challenges and how far those got', async () => {
    const held = await arrangeMeeting(server, manager, { seats: 3 });
    const later = await arrangeMeeting(server, manager);
    await signUpForMeeting(server, later.id, { sector: 'private' });
    const p1 = await signUpForMeeting(server, held.id, { sector: 'public' });
    const p2 = await signUpForMeeting(server, held.id, { sector: 'academia' });
    const p3 = await signUpForMeeting(server, held.id, { sector: 'public' });
    await signUpForMeeting(server, held.id, { sector: 'civil_society' }); // waitlisted: no seat, not counted
    await meetingHeld(server, manager, held.id);
    const signups = (await server.http.get(`/api/dialogue-meetings/${held.id}/signups`).set(manager.auth).expect(200)).body.items as { id: string; email: string }[];
    for (const person of [p1, p2]) {
      const { id } = signups.find((s) => s.email === person.email)!;
      await server.http.put(`/api/dialogue-meetings/${held.id}/signups/${id}/attendance`).set(manager.auth).send({ attended: true }).expect(200);
    }

    const n1 = await raiseNeed(server, p1.token, { title: 'Läxhjälp på kvällstid', departmentId });
    const n2 = await raiseNeed(server, p2.token, { title: 'Läxhjälp efter skolan' });
    const n3 = (await server.http.post(`/api/dialogue-meetings/${held.id}/needs`).set(manager.auth).send({ title: 'Trygga skolvägar', departmentId }).expect(201)).body;
    await raiseNeed(server, p3.token, { title: 'Fler bänkar' });
    await vote(server, p1.token, n1.id, 2);
    await vote(server, p2.token, n2.id, 1);
    await vote(server, p3.token, n3.id, 1);
    await server.http.post(`/api/dialogue-meetings/${held.id}/needs/${n2.id}/merge`).set(manager.auth).send({ intoNeedId: n1.id }).expect(200);

    const fromN1 = (await server.http.post(`/api/dialogue-meetings/${held.id}/needs/${n1.id}/challenge`).set(member.auth).send({}).expect(201)).body;
    await server.http.post(`/api/dialogue-meetings/${held.id}/needs/${n3.id}/challenge`).set(member.auth).send({}).expect(201);
    await draftChallenge(server, member, departmentId); // typed by the department
    // The first goes all the way to approval, as any challenge does.
    await server.http.put(`/api/challenges/${fromN1.id}`).set(member.auth).set('If-Match', `"${fromN1.version}"`).send({ ...completeChallengeContent(), title: fromN1.title }).expect(200);
    await server.http.post(`/api/challenges/${fromN1.id}/submit`).set(member.auth).expect(200);
    await server.http.post(`/api/challenges/${fromN1.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId }).expect(200);

    const report = await server.http.get('/api/dialogue-reports/needs-funnel').set(manager.auth).expect(200);
    expect(report.body.steps).toEqual([
      { step: 'meetings_held', count: 1 },
      { step: 'people_signed_up', count: 3 },
      { step: 'people_attended', count: 2 },
      { step: 'needs_raised', count: 3 },
      { step: 'needs_to_challenges', count: 2 },
      { step: 'challenges_approved', count: 1 },
      { step: 'challenges_matched', count: 0 },
      { step: 'challenges_graduated', count: 0 },
    ]);
    expect(report.body.sectors).toEqual([
      { sector: 'public', signedUp: 2, attended: 1 },
      { sector: 'private', signedUp: 0, attended: 0 },
      { sector: 'civil_society', signedUp: 0, attended: 0 },
      { sector: 'academia', signedUp: 1, attended: 1 },
    ]);
    // n1 carries p1 and p2 (merged), from two sectors; n3 one voter from one: medians 1.5 and 1.5.
    expect(report.body.fromDialogue).toEqual({ challenges: 2, ofAllChallenges: 3, medianPeople: 1.5, medianSectors: 1.5 });

    const csv = await server.http.get('/api/dialogue-reports/needs-funnel?format=csv').set(admin.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('measure,sector,count');
    expect(lines).toContain('needs_to_challenges,,2');
    expect(lines).toContain('people_attended,academia,1');
    await server.http.get('/api/dialogue-reports/needs-funnel').set(member.auth).expect(403);
  });

  it('reminds people with a seat of a meeting within two days, once, from the worker', async () => {
    const soon = await arrangeMeeting(server, manager, { seats: 1, startsAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
    const seated = await signUpForMeeting(server, soon.id);
    const queued = await signUpForMeeting(server, soon.id);
    const farOff = await signUpForMeeting(server, (await arrangeMeeting(server, manager)).id);
    const worker = await TestWorker.start(server);
    try {
      await runScheduledJob(server, worker, 'dialogue-meeting-reminders');
      await runScheduledJob(server, worker, 'dialogue-meeting-reminders');
    } finally {
      await worker.stop();
    }
    const reminders = await server.db.query(`SELECT recipient_email AS email FROM outbox_messages WHERE type = 'dialogue_signup.reminder'`);
    expect(reminders.rows.map((r) => r.email)).toEqual([seated.email]);
    expect([queued.email, farOff.email]).not.toContain(reminders.rows[0].email);
  });

  it('export and erasure cover the sign-ups, needs and votes made with the account’s address; the counts stay', async () => {
    const person = await registerEntrepreneur(server, 'Lina Lind');
    const meeting = await arrangeMeeting(server, manager);
    const signed = await signUpForMeeting(server, meeting.id, { email: person.email, name: 'Lina Lind', organisation: 'Lunds universitet', sector: 'academia' });
    const need = await raiseNeed(server, signed.token, { title: 'Mentorer för nyanlända forskare' });
    await vote(server, signed.token, need.id, 3);

    const exported = await server.http.get('/api/me/export').set(person.auth).expect(200);
    expect(exported.body.dialogueMeetings).toMatchObject({
      signups: [{ meetingId: meeting.id, name: 'Lina Lind', email: person.email, organisation: 'Lunds universitet', sector: 'academia', status: 'confirmed', consentPurpose: 'dialogue_meeting' }],
      needsRaised: [{ id: need.id, title: 'Mentorer för nyanlända forskare' }],
      votes: [{ needId: need.id, votes: 3 }],
    });

    await server.http.delete('/api/me').set(person.auth).send({ password: person.password }).expect(204);
    const row = await server.db.query(`SELECT name, email, organisation, sector, status FROM dialogue_signups WHERE meeting_id = $1`, [meeting.id]);
    expect(row.rows[0]).toMatchObject({ name: '', organisation: null, sector: 'academia', status: 'confirmed' });
    expect(row.rows[0].email).not.toBe(person.email);
    // The link stops working; the meeting still counts the need's backing.
    await server.http.get(`/api/dialogue-participation/${signed.token}`).expect(404);
    const needs = await server.http.get(`/api/dialogue-meetings/${meeting.id}/needs`).set(manager.auth).expect(200);
    expect(needs.body[0]).toMatchObject({ id: need.id, votes: 3, people: 1, sectors: ['academia'] });
    const left = await server.db.query(`SELECT count(*)::int AS n FROM dialogue_signups WHERE email = $1`, [person.email]);
    expect(left.rows[0].n).toBe(0);
  });
});
