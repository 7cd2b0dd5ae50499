import { randomUUID } from 'node:crypto';
import { cohortWithTracks, GRADUATION_CRITERIA, invitePerson, registerEntrepreneur, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

interface Learning {
  id: string;
  text: string;
}

const NO_REUSE = {
  graduated_adopted_by_department: 0,
  graduated_continued_as_venture: 0,
  graduated_procured: 0,
  graduated_stopped_with_lessons: 0,
  graduated_other: 0,
  in_progress: 0,
  discontinued: 0,
};

describe('method cards: learnings promoted into versioned methods, and their reuse across tracks', () => {
  let server: TestServer;
  /** Two cohorts of two programmes, each with its own department and manager. */
  let north: TrackedCohort;
  let south: TrackedCohort;
  let amira: Session;
  let bo: Session;
  let cecilia: Session;
  let amirasTrack: string;
  let bosTrack: string;
  let ceciliasTrack: string;
  let amirasLearning: Learning;
  let membersLearning: Learning;
  let ceciliasLearning: Learning;
  let reviewer: Session;
  let cardId: string;

  const card = (body: Record<string, unknown>, as: Session) => server.http.post('/api/method-cards').set(as.auth).send(body);
  const content = (learnings: Record<string, unknown>[], overrides: Record<string, unknown> = {}) => ({
    title: 'Unga bokar själva',
    whenToUse: 'När en lokal står tom på kvällarna och unga saknar en plats att vara på.',
    steps: ['Bjud in unga via fritidsledarna', 'Låt dem boka lokalen i appen', 'Följ upp efter fyra veckor'],
    evidence: 'Sju av nio bokade utan hjälp under testperioden.',
    learnings,
    ...overrides,
  });
  const learn = async (trackId: string, as: Session, text: string): Promise<Learning> =>
    (await server.http.post(`/api/tracks/${trackId}/learnings`).set(as.auth).send({ kind: 'enabler', text, tags: ['fritid'] }).expect(201)).body;
  /** Moves a track with its current version, as a manager who just read it. */
  const advance = async (trackId: string, manager: Session, body: Record<string, unknown>) => {
    const { version } = (await server.http.get(`/api/tracks/${trackId}`).set(manager.auth).expect(200)).body;
    await server.http.post(`/api/tracks/${trackId}/advance`).set(manager.auth).set('If-Match', `"${version}"`).send(body).expect(200);
  };
  const putOnTrack = async (trackId: string, as: Session, what: string, body: Record<string, unknown>) => {
    const { version } = (await server.http.get(`/api/tracks/${trackId}`).set(as.auth).expect(200)).body;
    await server.http.put(`/api/tracks/${trackId}/${what}`).set(as.auth).set('If-Match', `"${version}"`).send(body).expect(200);
  };
  const use = (trackId: string, as: Session, body: Record<string, unknown>) => server.http.post(`/api/tracks/${trackId}/method-cards`).set(as.auth).send(body);
  const reuseOfCard = async () => (await server.http.get(`/api/method-cards/${cardId}`).set(reviewer.auth).expect(200)).body.reuse;

  beforeAll(async () => {
    server = await TestServer.start();
    north = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    south = await cohortWithTracks(server, ['Cecilia Ek']);
    [amira, bo] = north.participants;
    [cecilia] = south.participants;
    [amirasTrack, bosTrack] = north.trackIds;
    [ceciliasTrack] = south.trackIds;
    amirasLearning = await learn(amirasTrack, amira, 'Unga bokar lokalen själva om det går via mobilen.');
    membersLearning = await learn(amirasTrack, north.member, 'Fritidsledarna är nyckeln till att nå unga; Amira ringde dem varje vecka.');
    ceciliasLearning = await learn(ceciliasTrack, cecilia, 'Föräldrar vill veta vem som har nyckeln.');
    reviewer = await invitePerson(server, north.admin, 'reviewer');
  });
  afterAll(() => server.stop());

  it('lets a manager promote learnings on their tracks into a card at version 1, quoting excerpts without authors, audited', async () => {
    const body = content([{ learningId: amirasLearning.id }, { learningId: membersLearning.id, excerpt: 'Fritidsledarna är nyckeln till att nå unga.' }]);
    await card(body, amira).expect(403);
    await card(body, north.member).expect(403);
    await card(body, reviewer).expect(403);

    const created = await card(body, north.manager).expect(201);
    cardId = created.body.id;
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      id: cardId,
      version: 1,
      title: 'Unga bokar själva',
      steps: body.steps,
      evidence: body.evidence,
      learnings: [
        { learningId: amirasLearning.id, kind: 'enabler', excerpt: amirasLearning.text },
        { learningId: membersLearning.id, kind: 'enabler', excerpt: 'Fritidsledarna är nyckeln till att nå unga.' },
      ],
      reuse: { tracks: 0, cohorts: 0, departments: 0, outcomes: NO_REUSE },
    });
    expect(created.text).not.toContain(amira.userId);
    expect(created.text).not.toContain(north.member.userId);

    const audit = await server.db.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1`, [cardId]);
    expect(audit.rows).toEqual([{ action: 'method_card.created', actor_id: north.manager.userId }]);
  });

  it('names each learning that does not exist, or lies on a track the manager is not on (400), and refuses malformed cards', async () => {
    const ghost = randomUUID();
    const unknown = await card(content([{ learningId: amirasLearning.id }, { learningId: ghost }]), north.manager).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'learnings[1].learningId', message: `learning ${ghost} was not found`, code: 'invalid' }]);
    const elsewhere = await card(content([{ learningId: amirasLearning.id }]), south.manager).expect(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'learnings[0].learningId', message: expect.stringContaining(amirasLearning.id) })]);

    await card(content([]), north.manager).expect(400);
    await card(content([{ learningId: amirasLearning.id }, { learningId: amirasLearning.id }]), north.manager).expect(400);
    await card(content([{ learningId: amirasLearning.id }], { steps: [] }), north.manager).expect(400);
    await card(content([{ learningId: amirasLearning.id }], { author: 'x' }), north.manager).expect(400);
    const cards = await server.db.query(`SELECT count(*)::int AS n FROM method_cards`);
    expect(cards.rows[0].n).toBe(1);
  });

  it('lets every signed-in user list, search and read cards', async () => {
    const second = await card(content([{ learningId: ceciliasLearning.id }], { title: 'Nyckelansvar', whenToUse: 'När föräldrar oroar sig för lokalen.' }), south.manager).expect(201);
    await server.http.get('/api/method-cards').expect(401);

    const everyone = [amira, north.member, reviewer, await registerEntrepreneur(server), south.manager, north.admin];
    for (const person of everyone) {
      const listed = await server.http.get('/api/method-cards').set(person.auth).expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([second.body.id, cardId]);
      await server.http.get(`/api/method-cards/${cardId}`).set(person.auth).expect(200);
    }
    const search = async (q: string) => (await server.http.get('/api/method-cards').query({ q }).set(reviewer.auth).expect(200)).body.items.map((c: { title: string }) => c.title);
    expect(await search('unga')).toEqual(['Unga bokar själva']);
    expect(await search('föräldrar')).toEqual(['Nyckelansvar']);
    expect(await search('procurement')).toEqual([]);

    const first = await server.http.get('/api/method-cards?limit=1').set(reviewer.auth).expect(200);
    expect(first.body.items).toHaveLength(1);
    const rest = await server.http.get('/api/method-cards').query({ limit: 1, cursor: first.body.nextCursor }).set(reviewer.auth).expect(200);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ id: cardId, version: 1 })], nextCursor: null });
    await server.http.get(`/api/method-cards/${randomUUID()}`).set(reviewer.auth).expect(404);
  });

  it('makes every edit a new version, needs If-Match on the card, and keeps old versions readable', async () => {
    const revised = content([{ learningId: amirasLearning.id }], { title: 'Unga bokar själva, med fritidsledare', steps: ['Börja med fritidsledarna', 'Låt unga boka i appen'] });
    const put = (version: string | undefined, as: Session = north.manager) => {
      const request = server.http.put(`/api/method-cards/${cardId}`).set(as.auth);
      return (version ? request.set('If-Match', version) : request).send(revised);
    };
    await put('"1"', amira).expect(403);
    await put(undefined).expect(428);
    const second = await put('"1"').expect(200);
    expect(second.headers.etag).toBe('"2"');
    expect(second.body).toMatchObject({ version: 2, title: revised.title, steps: revised.steps, learnings: [{ learningId: amirasLearning.id, excerpt: amirasLearning.text }] });
    const stale = await put('"1"').expect(412);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });

    // Another manager carries over a learning already on the card without being on its track.
    const third = await server.http
      .put(`/api/method-cards/${cardId}`)
      .set(south.manager.auth)
      .set('If-Match', '"2"')
      .send(content([{ learningId: amirasLearning.id, excerpt: 'Unga bokar via mobilen.' }, { learningId: ceciliasLearning.id }], { title: revised.title }))
      .expect(200);
    expect(third.body.learnings.map((l: { excerpt: string }) => l.excerpt)).toEqual(['Unga bokar via mobilen.', ceciliasLearning.text]);

    const versions = await server.http.get(`/api/method-cards/${cardId}/versions`).set(amira.auth).expect(200);
    expect(versions.body.items.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [3, revised.title],
      [2, revised.title],
      [1, 'Unga bokar själva'],
    ]);
    const original = await server.http.get(`/api/method-cards/${cardId}/versions/1`).set(amira.auth).expect(200);
    expect(original.body).toMatchObject({ cardId, version: 1, title: 'Unga bokar själva', steps: content([]).steps, learnings: [{ learningId: amirasLearning.id }, { learningId: membersLearning.id }] });
    await server.http.get(`/api/method-cards/${cardId}/versions/4`).set(amira.auth).expect(404);
    await server.http.get(`/api/method-cards/${cardId}/versions/zero`).set(amira.auth).expect(400);

    const audit = await server.db.query(`SELECT action, from_state, to_state FROM audit_events WHERE entity_id = $1 AND action = 'method_card.revised' ORDER BY occurred_at`, [cardId]);
    expect(audit.rows).toEqual([
      { action: 'method_card.revised', from_state: '1', to_state: '2' },
      { action: 'method_card.revised', from_state: '2', to_state: '3' },
    ]);
  });

  it('lets people on a track record the card versions they used, and nobody else', async () => {
    expect((await use(amirasTrack, amira, { cardId, version: 1 }).expect(201)).body).toMatchObject({ cardId, version: 1, title: 'Unga bokar själva', recordedBy: amira.userId });
    await use(amirasTrack, north.member, { cardId, version: 2 }).expect(201);
    await use(ceciliasTrack, south.manager, { cardId, version: 3 }).expect(201);

    const again = await use(amirasTrack, north.manager, { cardId, version: 1 }).expect(409);
    expect(again.body.code).toBe('method_card_use_recorded');
    for (const outsider of [bo, south.member, south.manager, cecilia]) await use(amirasTrack, outsider, { cardId, version: 3 }).expect(404);
    await use(amirasTrack, reviewer, { cardId, version: 3 }).expect(403);
    expect((await use(amirasTrack, amira, { cardId: randomUUID(), version: 1 }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'cardId' })]);
    expect((await use(amirasTrack, amira, { cardId, version: 9 }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
    await use(amirasTrack, amira, { cardId, version: 0 }).expect(400);

    const listed = await server.http.get(`/api/tracks/${amirasTrack}/method-cards`).set(north.manager.auth).expect(200);
    expect(listed.body.items.map((u: { version: number; title: string }) => [u.version, u.title])).toEqual([
      [1, 'Unga bokar själva'],
      [2, 'Unga bokar själva, med fritidsledare'],
    ]);
    await server.http.get(`/api/tracks/${amirasTrack}/method-cards`).set(bo.auth).expect(404);
    await server.http.get(`/api/tracks/${amirasTrack}/method-cards`).set(south.member.auth).expect(404);

    const audit = await server.db.query(`SELECT entity_id, details FROM audit_events WHERE action = 'track.method_card_used' ORDER BY occurred_at`);
    expect(audit.rows).toEqual([
      { entity_id: amirasTrack, details: { cardId, version: 1 } },
      { entity_id: amirasTrack, details: { cardId, version: 2 } },
      { entity_id: ceciliasTrack, details: { cardId, version: 3 } },
    ]);
  });

  it('shows the card’s reuse across cohorts and departments with the outcomes of the tracks that used it', async () => {
    expect(await reuseOfCard()).toEqual({ tracks: 2, cohorts: 2, departments: 2, outcomes: { ...NO_REUSE, in_progress: 2 } });

    await advance(ceciliasTrack, south.manager, { to: 'discontinued', note: 'Avslutas', reason: 'Lokalen revs.' });
    await graduate(bosTrack);
    await use(bosTrack, bo, { cardId, version: 3 }).expect(201);

    expect(await reuseOfCard()).toEqual({
      tracks: 3,
      cohorts: 2,
      departments: 2,
      outcomes: { ...NO_REUSE, graduated_adopted_by_department: 1, in_progress: 1, discontinued: 1 },
    });
  });

  it('exports the excerpts quoting a person’s learnings, and blanks them when the person is erased without research consent', async () => {
    const exported = await server.http.get('/api/me/export').set(amira.auth).expect(200);
    expect(exported.body.method_cards).toMatchObject({
      usesRecorded: [expect.objectContaining({ trackId: amirasTrack, cardId, version: 1 })],
      learningsQuoted: [
        { cardId, version: 1, learningId: amirasLearning.id, excerpt: amirasLearning.text },
        { cardId, version: 2, learningId: amirasLearning.id, excerpt: amirasLearning.text },
        { cardId, version: 3, learningId: amirasLearning.id, excerpt: 'Unga bokar via mobilen.' },
      ],
    });

    await server.http.delete('/api/me').set(amira.auth).send({ password: amira.password }).expect(204);
    const excerpts = async (version: number) =>
      (await server.http.get(`/api/method-cards/${cardId}/versions/${version}`).set(reviewer.auth).expect(200)).body.learnings.map((l: { learningId: string; excerpt: string }) => [l.learningId, l.excerpt]);
    expect(await excerpts(1)).toEqual([
      [amirasLearning.id, ''],
      [membersLearning.id, 'Fritidsledarna är nyckeln till att nå unga.'],
    ]);
    expect(await excerpts(3)).toEqual([
      [amirasLearning.id, ''],
      [ceciliasLearning.id, ceciliasLearning.text],
    ]);
    const uses = await server.db.query(`SELECT count(*)::int AS n FROM method_card_uses WHERE recorded_by = $1`, [amira.userId]);
    expect(uses.rows[0].n).toBe(0);
  });

  /** Takes a north track through every gate to graduation, adopted by the department. */
  async function graduate(trackId: string): Promise<void> {
    const manager = north.manager;
    await advance(trackId, manager, { to: 'co_design', note: 'Start' });
    await putOnTrack(trackId, manager, 'test-plan', {
      testEnvironmentId: north.openEnvironmentId,
      startsOn: '2026-10-01',
      users: 5,
      whatWillBeTried: 'Bokning via appen',
      consentArrangements: 'Muntligt samtycke',
    });
    await advance(trackId, manager, { to: 'test_environment', note: 'Planen håller' });
    await server.http
      .post(`/api/tracks/${trackId}/test-sessions`)
      .set(manager.auth)
      .send({ heldOn: '2026-10-08', testEnvironmentId: north.openEnvironmentId, usersInvolved: 5, whatWasTried: 'Bokning', whatWasObserved: 'Det fungerade', consentObtained: true })
      .expect(201);
    await advance(trackId, manager, { to: 'evaluation', note: 'Testat' });
    await putOnTrack(trackId, manager, 'graduation-criteria', { met: GRADUATION_CRITERIA.map((c) => c.key) });
    await advance(trackId, manager, { to: 'graduated', note: 'Klar', outcome: 'adopted_by_department', summary: 'Förvaltningen tar över.' });
  }
});
