import {
  arrangeMeeting,
  createDepartment,
  departmentMember,
  invitePerson,
  loginAdmin,
  meetingBody,
  meetingHeld,
  raiseNeed,
  registerEntrepreneur,
  signUpForMeeting,
  TestServer,
  uniqueEmail,
  vote,
  type Session,
} from '@samverka/testing';

describe('dialogue meetings: arranging, the public sign-up and the waiting list', () => {
  let server: TestServer;
  let admin: Session;
  let manager: Session;
  let member: Session;
  let otherMember: Session;
  let entrepreneur: Session;
  let department: { id: string };

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await loginAdmin(server);
    manager = await invitePerson(server, admin, 'programme_manager');
    department = await createDepartment(server, admin);
    const other = await createDepartment(server, admin);
    member = await departmentMember(server, admin, department.id);
    otherMember = await departmentMember(server, admin, other.id);
    entrepreneur = await registerEntrepreneur(server);
  });
  afterAll(() => server.stop());

  const outboxTo = async (email: string): Promise<string[]> =>
    (await server.db.query(`SELECT type FROM outbox_messages WHERE recipient_email = $1 ORDER BY created_at`, [email])).rows.map((r) => r.type);

  it('are arranged by managers and department members, audited; entrepreneurs may not (403)', async () => {
    const byManager = await arrangeMeeting(server, manager, { seats: 3 });
    expect(byManager).toMatchObject({ seats: 3, votesPerParticipant: 5, needsOpen: true, mayArrange: true, seatCounts: { confirmed: 0, waitlisted: 0, free: 3 }, version: 1 });
    const byMember = await arrangeMeeting(server, member, { departmentId: department.id, link: 'https://meet.example.se/dialog', place: null });
    expect(byMember).toMatchObject({ departmentId: department.id, place: null, link: 'https://meet.example.se/dialog' });
    const audit = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [byManager.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['dialogue_meeting.created']);
    await server.http.post('/api/dialogue-meetings').set(entrepreneur.auth).send(meetingBody()).expect(403);
    await server.http.get('/api/dialogue-meetings').set(entrepreneur.auth).expect(403);
  });

  it('need a place or a link, a sector, and a department the member belongs to', async () => {
    const missing = await server.http.post('/api/dialogue-meetings').set(manager.auth).send(meetingBody({ place: null, sectors: [] })).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['sectors']);
    const nowhere = await server.http.post('/api/dialogue-meetings').set(manager.auth).send(meetingBody({ place: null })).expect(400);
    expect(nowhere.body.errors).toEqual([expect.objectContaining({ field: 'place', code: 'required' })]);
    const foreign = await server.http.post('/api/dialogue-meetings').set(otherMember.auth).send(meetingBody({ departmentId: department.id })).expect(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'departmentId' })]);
  });

  it('are arranged only by their arrangers: another department’s member reads but cannot change or see the sign-ups (404)', async () => {
    const meeting = await arrangeMeeting(server, member, { departmentId: department.id });
    const read = await server.http.get(`/api/dialogue-meetings/${meeting.id}`).set(otherMember.auth).expect(200);
    expect(read.body.mayArrange).toBe(false);
    await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(otherMember.auth).set('If-Match', '"1"').send(meetingBody()).expect(404);
    await server.http.get(`/api/dialogue-meetings/${meeting.id}/signups`).set(otherMember.auth).expect(404);
    const changed = await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', '"1"').send(meetingBody({ theme: 'Ny rubrik' })).expect(200);
    expect(changed.body).toMatchObject({ theme: 'Ny rubrik', version: 2 });
    await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(member.auth).set('If-Match', '"1"').send(meetingBody()).expect(412);
    await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(member.auth).send(meetingBody()).expect(428);
  });

  it('fill up: the sign-up after the last seat joins the waiting list, and a cancel moves it up', async () => {
    const meeting = await arrangeMeeting(server, manager, { seats: 2 });
    const invitation = await server.http.get(`/api/dialogue-meetings/${meeting.id}/invitation`).expect(200);
    expect(invitation.body).toMatchObject({ seatCounts: { free: 2 }, consent: { purpose: 'dialogue_meeting', textVersion: 1 } });
    const first = await signUpForMeeting(server, meeting.id, { sector: 'public' });
    const second = await signUpForMeeting(server, meeting.id, { sector: 'academia' });
    const third = await signUpForMeeting(server, meeting.id, { sector: 'private' });
    const fourth = await signUpForMeeting(server, meeting.id);
    expect([first, second, third, fourth].map((s) => [s.status, s.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await outboxTo(third.email)).toEqual(['dialogue_signup.waitlisted']);
    const mail = await server.db.query(`SELECT payload->'body'->>'sv' AS body FROM outbox_messages WHERE recipient_email = $1`, [first.email]);
    expect(mail.rows[0].body).toContain(`/dialogue/participation/${first.token}`);

    await server.http.delete(`/api/dialogue-participation/${second.token}`).expect(204);
    expect((await server.http.get(`/api/dialogue-participation/${third.token}`).expect(200)).body).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await server.http.get(`/api/dialogue-participation/${fourth.token}`).expect(200)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await outboxTo(third.email)).toEqual(['dialogue_signup.waitlisted', 'dialogue_signup.promoted']);
    // Cancelling again changes nothing, and moves no one else up.
    await server.http.delete(`/api/dialogue-participation/${second.token}`).expect(204);
    expect((await server.http.get(`/api/dialogue-participation/${fourth.token}`).expect(200)).body.status).toBe('waitlisted');

    // More seats take the waiting list at once.
    const current = await server.http.get(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).expect(200);
    const more = await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', current.headers.etag).send(meetingBody({ seats: 3 })).expect(200);
    expect(more.body.seatCounts).toEqual({ confirmed: 3, waitlisted: 0, free: 0 });
    const fewer = await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', `"${more.body.version}"`).send(meetingBody({ seats: 2 })).expect(400);
    expect(fewer.body.errors).toEqual([expect.objectContaining({ field: 'seats', limit: 3 })]);

    const audit = await server.db.query(`SELECT action FROM audit_events WHERE details->>'meetingId' = $1 ORDER BY occurred_at`, [meeting.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['dialogue_signup.created', 'dialogue_signup.cancelled', 'dialogue_signup.promoted']));
  });

  it('never over-book: twelve people signing up at once for five seats get five seats', async () => {
    const meeting = await arrangeMeeting(server, manager, { seats: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, () => signUpForMeeting(server, meeting.id)));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const seats = await server.db.query(`SELECT count(*)::int AS n FROM dialogue_signups WHERE meeting_id = $1 AND status = 'confirmed'`, [meeting.id]);
    expect(seats.rows[0].n).toBe(5);
  });

  it('take consent to the stated purpose as elsewhere: refused consent is 400, an old wording 409', async () => {
    const meeting = await arrangeMeeting(server, manager);
    const body = { name: 'Sara', email: uniqueEmail(), sector: 'public' };
    const refused = await server.http.post(`/api/dialogue-meetings/${meeting.id}/signups`).send({ ...body, consent: { given: false, textVersion: 1 } }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'consent.given', code: 'required' })]);
    const stale = await server.http.post(`/api/dialogue-meetings/${meeting.id}/signups`).send({ ...body, consent: { given: true, textVersion: 0 } }).expect(400);
    expect(stale.body.errors[0].field).toBe('consent.textVersion');
    const old = await server.http.post(`/api/dialogue-meetings/${meeting.id}/signups`).send({ ...body, consent: { given: true, textVersion: 2 } }).expect(409);
    expect(old.body).toMatchObject({ code: 'consent_text_changed', currentTextVersion: 1 });
    const uninvited = await server.http.post(`/api/dialogue-meetings/${(await arrangeMeeting(server, manager, { sectors: ['academia'] })).id}/signups`).send({ ...body, consent: { given: true, textVersion: 1 } }).expect(400);
    expect(uninvited.body.errors).toEqual([expect.objectContaining({ field: 'sector' })]);
    const signed = await signUpForMeeting(server, meeting.id, body);
    const consent = await server.db.query(`SELECT consent_purpose, consent_text_version, consented_at FROM dialogue_signups WHERE email = $1`, [signed.email]);
    expect(consent.rows[0]).toMatchObject({ consent_purpose: 'dialogue_meeting', consent_text_version: 1 });
    const again = await server.http.post(`/api/dialogue-meetings/${meeting.id}/signups`).send({ ...body, consent: { given: true, textVersion: 1 } }).expect(409);
    expect(again.body.code).toBe('already_signed_up');
    // Not a purpose an account answers.
    const mine = await server.http.get('/api/me/consents').set(entrepreneur.auth).expect(200);
    expect(mine.body.map((c: { purpose: string }) => c.purpose)).not.toContain('dialogue_meeting');
  });

  it('record attendance, by the arrangers, for people with a seat', async () => {
    const meeting = await arrangeMeeting(server, member, { departmentId: department.id, seats: 1 });
    const came = await signUpForMeeting(server, meeting.id);
    const waiting = await signUpForMeeting(server, meeting.id);
    const list = await server.http.get(`/api/dialogue-meetings/${meeting.id}/signups`).set(member.auth).expect(200);
    expect(list.body.items.map((s: { email: string; status: string }) => [s.email, s.status])).toEqual([
      [came.email, 'confirmed'],
      [waiting.email, 'waitlisted'],
    ]);
    const [seated, queued] = list.body.items;
    const marked = await server.http.put(`/api/dialogue-meetings/${meeting.id}/signups/${seated.id}/attendance`).set(member.auth).send({ attended: true }).expect(200);
    expect(marked.body.attended).toBe(true);
    const refused = await server.http.put(`/api/dialogue-meetings/${meeting.id}/signups/${queued.id}/attendance`).set(member.auth).send({ attended: true }).expect(409);
    expect(refused.body.code).toBe('signup_not_confirmed');
    await server.http.put(`/api/dialogue-meetings/${meeting.id}/signups/${seated.id}/attendance`).set(otherMember.auth).send({ attended: false }).expect(404);
  });

  it('limit sign-ups per address on the public form (429)', async () => {
    const limited = await TestServer.start({ env: { PUBLIC_FORM_RATE_LIMIT: '2' } });
    try {
      const arranger = await invitePerson(limited, await loginAdmin(limited), 'programme_manager');
      const meeting = await arrangeMeeting(limited, arranger);
      await signUpForMeeting(limited, meeting.id);
      await signUpForMeeting(limited, meeting.id);
      const third = await limited.http.post(`/api/dialogue-meetings/${meeting.id}/signups`).send({ name: 'X', email: uniqueEmail(), sector: 'public', consent: { given: true, textVersion: 1 } }).expect(429);
      expect(third.body.code).toBe('rate_limited');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });

  describe('once the meeting has begun', () => {
    it('take no more sign-ups: 409 dialogue_meeting_past, nothing stored, nothing mailed', async () => {
      const startsAt = new Date(Date.now() - 3600_000).toISOString();
      const meeting = await arrangeMeeting(server, manager, { startsAt });
      const invitation = await server.http.get(`/api/dialogue-meetings/${meeting.id}/invitation`).expect(200);
      expect(invitation.body).toMatchObject({ hasBegun: true, seatCounts: { free: 10 } });
      const email = uniqueEmail('late');
      const late = await server.http
        .post(`/api/dialogue-meetings/${meeting.id}/signups`)
        .send({ name: 'Sen Ankomst', email, sector: 'public', consent: { given: true, textVersion: invitation.body.consent.textVersion } })
        .expect(409);
      expect(late.body).toMatchObject({ code: 'dialogue_meeting_past', startsAt });
      expect(late.headers['content-type']).toContain('application/problem+json');
      const stored = await server.db.query(`SELECT count(*)::int AS n FROM dialogue_signups WHERE meeting_id = $1`, [meeting.id]);
      expect(stored.rows[0].n).toBe(0);
      expect(await outboxTo(email)).toEqual([]);
      const upcoming = await arrangeMeeting(server, manager);
      expect((await server.http.get(`/api/dialogue-meetings/${upcoming.id}/invitation`).expect(200)).body.hasBegun).toBe(false);
    });

    it('keep sign-ups as they were: cancelling is 409 and moves no one up from the waiting list, nor do added seats', async () => {
      const meeting = await arrangeMeeting(server, manager, { seats: 1 });
      const seated = await signUpForMeeting(server, meeting.id);
      const waiting = await signUpForMeeting(server, meeting.id);
      const held = await meetingHeld(server, manager, meeting.id);
      const refused = await server.http.delete(`/api/dialogue-participation/${seated.token}`).expect(409);
      expect(refused.body.code).toBe('dialogue_meeting_past');
      await server.http.delete(`/api/dialogue-participation/${waiting.token}`).expect(409);
      expect((await server.http.get(`/api/dialogue-participation/${seated.token}`).expect(200)).body).toMatchObject({ status: 'confirmed', meeting: { hasBegun: true } });
      expect((await server.http.get(`/api/dialogue-participation/${waiting.token}`).expect(200)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      // A seat added after the meeting comes too late for the waiting list.
      const more = await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', `"${held.version}"`).send(meetingBody({ startsAt: new Date(Date.now() - 3600_000).toISOString(), seats: 2 })).expect(200);
      expect(more.body.seatCounts).toEqual({ confirmed: 1, waitlisted: 1, free: 1 });
      expect(await outboxTo(waiting.email)).toEqual(['dialogue_signup.waitlisted']);
      const audit = await server.db.query(`SELECT action FROM audit_events WHERE details->>'meetingId' = $1`, [meeting.id]);
      expect(audit.rows.map((r) => r.action)).not.toEqual(expect.arrayContaining(['dialogue_signup.cancelled']));
    });

    it('still take needs and votes from people with a seat while needs are open, until the arranger closes them', async () => {
      const meeting = await arrangeMeeting(server, manager, { seats: 1 });
      const seated = await signUpForMeeting(server, meeting.id);
      const waiting = await signUpForMeeting(server, meeting.id);
      const held = await meetingHeld(server, manager, meeting.id);
      const need = await raiseNeed(server, seated.token, { title: 'Tänkt på efter mötet' });
      await vote(server, seated.token, need.id, 2);
      expect((await server.http.post(`/api/dialogue-participation/${waiting.token}/needs`).send({ title: 'X' }).expect(409)).body.code).toBe('signup_not_confirmed');
      await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', `"${held.version}"`).send(meetingBody({ startsAt: new Date(Date.now() - 3600_000).toISOString(), seats: 1, needsOpen: false })).expect(200);
      expect((await server.http.put(`/api/dialogue-participation/${seated.token}/votes/${need.id}`).send({ votes: 3 }).expect(409)).body.code).toBe('needs_closed');
    });
  });

  describe('needs and votes', () => {
    it('participants add needs to an open meeting and spread their votes, never past the allowance', async () => {
      const meeting = await arrangeMeeting(server, manager, { votesPerParticipant: 5, seats: 3 });
      const anna = await signUpForMeeting(server, meeting.id, { sector: 'public' });
      const need = await raiseNeed(server, anna.token, { title: 'Sommarjobb för unga med funktionsnedsättning', targetGroup: 'Unga 16–19', sdgs: [8, 10], tags: ['Arbete', 'arbete ', 'Unga'] });
      expect(need).toMatchObject({ raisedByParticipant: true, contributors: 1, people: 1, sectors: ['public'], tags: ['arbete', 'unga'] });
      const other = await raiseNeed(server, anna.token);
      await vote(server, anna.token, need.id, 3);
      const tooMany = await server.http.put(`/api/dialogue-participation/${anna.token}/votes/${other.id}`).send({ votes: 3 }).expect(409);
      expect(tooMany.body).toMatchObject({ code: 'votes_exhausted', allowance: 5, used: 3, available: 2 });
      const fine = await server.http.put(`/api/dialogue-participation/${anna.token}/votes/${other.id}`).send({ votes: 2 }).expect(200);
      expect(fine.body).toEqual({ used: 5, allowance: 5 });
      // Moving votes: fewer on one need frees them for another.
      await vote(server, anna.token, need.id, 1);
      await vote(server, anna.token, other.id, 4);
      const page = await server.http.get(`/api/dialogue-participation/${anna.token}`).expect(200);
      expect(page.body).toMatchObject({ status: 'confirmed', votesUsed: 5 });
      expect(page.body.needs.map((n: { id: string; votes: number; myVotes: number }) => [n.id, n.votes, n.myVotes])).toEqual([
        [need.id, 1, 1],
        [other.id, 4, 4],
      ]);
    });

    it('cannot exceed the allowance under concurrent voting', async () => {
      const meeting = await arrangeMeeting(server, manager, { votesPerParticipant: 5 });
      const bo = await signUpForMeeting(server, meeting.id);
      const needs = await Promise.all(Array.from({ length: 8 }, () => raiseNeed(server, bo.token)));
      const answers = await Promise.all(needs.map((need) => server.http.put(`/api/dialogue-participation/${bo.token}/votes/${need.id}`).send({ votes: 2 })));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'votes_exhausted')).toBe(true);
      const total = await server.db.query(`SELECT sum(v.votes)::int AS n FROM dialogue_need_votes v JOIN dialogue_signups s ON s.id = v.signup_id WHERE s.email = $1`, [bo.email]);
      expect(total.rows[0].n).toBe(4);
    });

    it('are taken only from people with a seat, while the meeting is open', async () => {
      const meeting = await arrangeMeeting(server, manager, { seats: 1 });
      const seated = await signUpForMeeting(server, meeting.id);
      const queued = await signUpForMeeting(server, meeting.id);
      const refused = await server.http.post(`/api/dialogue-participation/${queued.token}/needs`).send({ title: 'X' }).expect(409);
      expect(refused.body.code).toBe('signup_not_confirmed');
      const need = await raiseNeed(server, seated.token);
      const current = await server.http.get(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).expect(200);
      await server.http.put(`/api/dialogue-meetings/${meeting.id}`).set(manager.auth).set('If-Match', current.headers.etag).send(meetingBody({ seats: 1, needsOpen: false })).expect(200);
      const closed = await server.http.put(`/api/dialogue-participation/${seated.token}/votes/${need.id}`).send({ votes: 1 }).expect(409);
      expect(closed.body.code).toBe('needs_closed');
      // Arrangers still record needs after the meeting.
      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs`).set(manager.auth).send({ title: 'Efter mötet', departmentId: department.id }).expect(201);
      await server.http.get('/api/dialogue-participation/not-a-token').expect(404);
    });

    it('merge duplicates, keeping their votes and contributors; the merged need points to the one that stays', async () => {
      const meeting = await arrangeMeeting(server, member, { departmentId: department.id });
      const [a, b, c] = [
        await signUpForMeeting(server, meeting.id, { sector: 'public' }),
        await signUpForMeeting(server, meeting.id, { sector: 'academia' }),
        await signUpForMeeting(server, meeting.id, { sector: 'private' }),
      ];
      const stays = await raiseNeed(server, a.token, { title: 'Mötesplatser för unga' });
      const duplicate = await raiseNeed(server, b.token, { title: 'Ställen där unga kan träffas' });
      await vote(server, a.token, stays.id, 2);
      await vote(server, a.token, duplicate.id, 1);
      await vote(server, b.token, duplicate.id, 3);
      await vote(server, c.token, duplicate.id, 1);
      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${duplicate.id}/merge`).set(otherMember.auth).send({ intoNeedId: stays.id }).expect(404);
      const merged = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${duplicate.id}/merge`).set(member.auth).send({ intoNeedId: stays.id }).expect(200);
      expect(merged.body).toMatchObject({ id: stays.id, votes: 7, people: 3, contributors: 2, sectors: ['academia', 'private', 'public'] });
      const needs = await server.http.get(`/api/dialogue-meetings/${meeting.id}/needs`).set(otherMember.auth).expect(200);
      expect(needs.body.find((n: { id: string }) => n.id === duplicate.id)).toMatchObject({ mergedIntoId: stays.id, votes: 0 });
      // One participant's votes on both add up, within their allowance.
      const annas = await server.http.get(`/api/dialogue-participation/${a.token}`).expect(200);
      expect(annas.body.votesUsed).toBe(3);
      const again = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${duplicate.id}/merge`).set(member.auth).send({ intoNeedId: stays.id }).expect(409);
      expect(again.body.code).toBe('need_merged');
      const onMerged = await server.http.put(`/api/dialogue-participation/${c.token}/votes/${duplicate.id}`).send({ votes: 1 }).expect(409);
      expect(onMerged.body).toMatchObject({ code: 'need_merged', mergedIntoId: stays.id });
      const audit = await server.db.query(`SELECT details FROM audit_events WHERE action = 'dialogue_need.merged' AND entity_id = $1`, [duplicate.id]);
      expect(audit.rows[0].details).toMatchObject({ intoNeedId: stays.id, votesMoved: 5 });
    });
  });

  describe('correcting a need’s words', () => {
    const edit = (session: Session, meetingId: string, needId: string, version: number | null, body: Record<string, unknown>) => {
      const request = server.http.patch(`/api/dialogue-meetings/${meetingId}/needs/${needId}`).set(session.auth);
      return (version === null ? request : request.set('If-Match', `"${version}"`)).send(body);
    };

    it('is for the meeting’s arrangers — admin, manager, a member of its department — with If-Match, audited without the words', async () => {
      const meeting = await arrangeMeeting(server, member, { departmentId: department.id });
      const person = await signUpForMeeting(server, meeting.id, { sector: 'academia' });
      const need = await raiseNeed(server, person.token, { title: 'Läxhjälp för Amira H. på Söder', description: 'Ring mig på 070-123 45 67', targetGroup: 'Unga' });
      await vote(server, person.token, need.id, 2);
      expect(need).toMatchObject({ version: 1 });

      const byMember = await edit(member, meeting.id, need.id, 1, { title: 'Läxhjälp för unga på Söder', description: null }).expect(200);
      expect(byMember.body).toMatchObject({ title: 'Läxhjälp för unga på Söder', description: null, targetGroup: 'Unga', votes: 2, people: 1, version: 2 });
      expect(byMember.headers.etag).toBe('"2"');
      const byManager = await edit(manager, meeting.id, need.id, 2, { targetGroup: 'Unga 13–16 år' }).expect(200);
      expect(byManager.body).toMatchObject({ title: 'Läxhjälp för unga på Söder', targetGroup: 'Unga 13–16 år', version: 3 });
      const byAdmin = await edit(admin, meeting.id, need.id, 3, { evidence: 'Skolans enkät 2026' }).expect(200);
      expect(byAdmin.body).toMatchObject({ evidence: 'Skolans enkät 2026', version: 4 });

      // The participant sees the corrected words on their link.
      const seen = await server.http.get(`/api/dialogue-participation/${person.token}`).expect(200);
      expect(seen.body.needs[0]).toMatchObject({ title: 'Läxhjälp för unga på Söder', description: null, myVotes: 2 });
      const audit = await server.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'dialogue_need.edited' AND entity_id = $1 ORDER BY occurred_at`, [need.id]);
      expect(audit.rows.map((r) => r.details.fields)).toEqual([['title', 'description'], ['targetGroup'], ['evidence']]);
      expect(JSON.stringify(audit.rows)).not.toMatch(/070-123|Amira|Söder/);
    });

    it('refuses others: another department’s member 404, an entrepreneur 403, a stale version 412, no version 428, a merged need 409', async () => {
      const meeting = await arrangeMeeting(server, member, { departmentId: department.id });
      const need = (await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs`).set(member.auth).send({ title: 'Trygga skolvägar' }).expect(201)).body;
      const other = (await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs`).set(member.auth).send({ title: 'Säkra skolvägar' }).expect(201)).body;
      await edit(otherMember, meeting.id, need.id, 1, { title: 'Ändrad' }).expect(404);
      await edit(entrepreneur, meeting.id, need.id, 1, { title: 'Ändrad' }).expect(403);
      await edit(member, meeting.id, need.id, null, { title: 'Ändrad' }).expect(428);
      await edit(member, meeting.id, need.id, 1, { title: 'Trygga vägar till skolan' }).expect(200);
      const stale = await edit(manager, meeting.id, need.id, 1, { title: 'Något annat' }).expect(412);
      expect(stale.body.code).toBe('stale_version');
      const cleared = await edit(member, meeting.id, need.id, 2, { title: null }).expect(400);
      expect(cleared.body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'required' })]);
      await edit(member, meeting.id, need.id, 2, { title: 'X', votes: 3 }).expect(400);
      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${other.id}/merge`).set(member.auth).send({ intoNeedId: need.id }).expect(200);
      const merged = await edit(member, meeting.id, other.id, 2, { title: 'Ändrad' }).expect(409);
      expect(merged.body.code).toBe('need_merged');
      const stored = await server.db.query(`SELECT title, version FROM dialogue_needs WHERE id = $1`, [need.id]);
      expect(stored.rows[0]).toEqual({ title: 'Trygga vägar till skolan', version: 2 });
    });
  });

  describe('a need turned into a challenge draft', () => {
    it('carries its origin, shown on the challenge, once per need', async () => {
      const meeting = await arrangeMeeting(server, manager, { theme: 'Ensamhet bland äldre' });
      const people = [
        await signUpForMeeting(server, meeting.id, { sector: 'public' }),
        await signUpForMeeting(server, meeting.id, { sector: 'civil_society' }),
        await signUpForMeeting(server, meeting.id, { sector: 'civil_society' }),
      ];
      const need = await raiseNeed(server, people[0].token, { title: 'Digitala mötesplatser för äldre', description: 'Många äldre träffar ingen under veckan.', evidence: 'Enkät 2025: 38 % känner sig ensamma.', targetGroup: 'Äldre över 75', departmentId: department.id, sdgs: [3], tags: ['ensamhet'] });
      for (const person of people.slice(1)) await vote(server, person.token, need.id, 2);

      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.id}/challenge`).set(manager.auth).send({}).expect(403);
      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.id}/challenge`).set(otherMember.auth).send({}).expect(404);
      const drafted = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.id}/challenge`).set(member.auth).send({}).expect(201);
      expect(drafted.body).toMatchObject({
        state: 'draft',
        departmentId: department.id,
        title: 'Digitala mötesplatser för äldre',
        targetGroup: 'Äldre över 75',
        sdgs: [3],
        themes: ['ensamhet'],
        origin: { meetingId: meeting.id, meetingTheme: 'Ensamhet bland äldre', needId: need.id, people: 3, sectors: ['civil_society', 'public'] },
      });
      expect(drafted.body.problemStatement).toContain('Enkät 2025');
      const shown = await server.http.get(`/api/challenges/${drafted.body.id}`).set(member.auth).expect(200);
      expect(shown.body.origin).toMatchObject({ needId: need.id, people: 3 });
      const needs = await server.http.get(`/api/dialogue-meetings/${meeting.id}/needs`).set(member.auth).expect(200);
      expect(needs.body[0].challengeId).toBe(drafted.body.id);
      const twice = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.id}/challenge`).set(member.auth).send({}).expect(409);
      expect(twice.body.code).toBe('need_has_challenge');
      const audit = await server.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [need.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['dialogue_need.added', 'dialogue_need.drafted']));
    });

    it('needs a department when the need names none', async () => {
      const meeting = await arrangeMeeting(server, manager);
      const need = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs`).set(manager.auth).send({ title: 'Utan förvaltning' }).expect(201);
      const refused = await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.body.id}/challenge`).set(member.auth).send({}).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'departmentId', code: 'required' })]);
      await server.http.post(`/api/dialogue-meetings/${meeting.id}/needs/${need.body.id}/challenge`).set(member.auth).send({ departmentId: department.id }).expect(201);
    });
  });
});
