import {
  cohortReadyForMatching,
  DEFAULT_PASSWORD,
  HELSINGBORG,
  invitePerson,
  registerEntrepreneur,
  tablesContaining,
  TestServer,
  TestWorker,
  untilOutboxDrained,
  type MatchingCohort,
  type Session,
} from '@samverka/testing';

/** Höganäs: the same county as Helsingborg (12), another municipality. */
const HOGANAS = '1284';
/** Stockholm: another county. */
const STOCKHOLM = '0180';

const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the partner board: posts, suggestions and contact through Samverka', () => {
  let server: TestServer;
  let cohort: MatchingCohort;
  let admin: Session;
  let anna: Session;
  let bertil: Session;
  let reviewer: Session;

  const post = (as: Session, overrides: Record<string, unknown> = {}) =>
    server.http
      .post('/api/partner-posts')
      .set(as.auth)
      .send({
        direction: 'look_for',
        kind: 'test_environment',
        title: 'Vi söker en testmiljö för en app för äldre',
        description: 'Ett boende där äldre kan prova appen under fyra veckor.',
        tags: ['Äldre', 'digital delaktighet', 'äldre '],
        municipalityCode: HELSINGBORG,
        endsOn: daysFromNow(30),
        ...overrides,
      });
  const created = async (as: Session, overrides: Record<string, unknown> = {}) => (await post(as, overrides).expect(201)).body;
  const getPost = (id: string, as: Session) => server.http.get(`/api/partner-posts/${id}`).set(as.auth);
  const list = (as: Session, query: Record<string, string> = {}) => server.http.get('/api/partner-posts').query(query).set(as.auth);
  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);
  const trail = async (entityId: string) => (await server.db.query(`SELECT action, actor_id, from_state, to_state FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`, [entityId])).rows;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: [{ displayName: 'Petra Deltagare' }],
      challenges: [{ title: 'Digitalt stöd för äldre i Helsingborg', competences: ['digital delaktighet'], themes: ['äldre'], municipalityCode: HELSINGBORG }],
    });
    admin = cohort.admin;
    anna = await registerEntrepreneur(server, 'Anna Andersson');
    bertil = await registerEntrepreneur(server, 'Bertil Berg');
    reviewer = await invitePerson(server, admin, 'reviewer');
  });
  afterAll(() => server.stop());

  describe('posts', () => {
    it('lets every role post, with tags normalised, audited; refuses a past end date, an unknown municipality and a challenge the author cannot see', async () => {
      for (const as of [anna, cohort.member, cohort.manager, reviewer, admin]) {
        const body = await created(as, { title: 'Erbjuder lokaler', direction: 'offer', kind: 'premises', tags: ['lokal'] });
        expect(body).toMatchObject({ direction: 'offer', kind: 'premises', state: 'open', mine: true, hidden: false, version: 1, myInterest: null, expired: false });
        expect(await trail(body.id)).toEqual([expect.objectContaining({ action: 'partner_post.created', to_state: 'open' })]);
      }
      const first = await created(anna);
      expect(first.tags).toEqual(['äldre', 'digital delaktighet']);
      expect(first.authorName).toBe('Anna Andersson');

      const past = (await post(anna, { endsOn: daysFromNow(-1) }).expect(400)).body;
      expect(past.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'inThePast' })]);
      expect((await post(anna, { municipalityCode: '9999' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'municipalityCode' })]);
      // Anna applied to no cohort: the cohort's challenge is not hers to see, so not hers to name.
      expect((await post(anna, { challengeId: cohort.challengeIds[0] }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'challengeId' })]);
      const named = await created(cohort.member, { kind: 'challenge_partner', challengeId: cohort.challengeIds[0] });
      expect((await getPost(named.id, anna).expect(200)).body.challengeTitle).toBe('Digitalt stöd för äldre i Helsingborg');
    });

    it('lists open posts newest first for every signed-in person, filtered, expired ones only on request', async () => {
      const funding = await created(bertil, { direction: 'offer', kind: 'funding', title: 'Medfinansiering', tags: ['Äldre'], municipalityCode: STOCKHOLM });
      const expired = await created(bertil, { direction: 'offer', kind: 'funding', title: 'Gammalt erbjudande', tags: ['äldre'] });
      await server.db.query(`UPDATE partner_posts SET ends_on = current_date - 2 WHERE id = $1`, [expired.id]);

      for (const as of [anna, cohort.member, cohort.manager, reviewer, admin]) {
        const funded = await list(as, { kind: 'funding' }).expect(200);
        expect(ids(funded)).toEqual([funding.id]);
      }
      expect(ids(await list(anna, { kind: 'funding', includeExpired: 'true' }).expect(200))).toEqual([expired.id, funding.id]);
      expect((await getPost(expired.id, anna).expect(200)).body.expired).toBe(true);
      expect(ids(await list(anna, { kind: 'funding', tag: ' ÄLDRE', direction: 'offer', municipalityCode: STOCKHOLM }).expect(200))).toEqual([funding.id]);
      expect(ids(await list(anna, { kind: 'funding', direction: 'look_for' }).expect(200))).toEqual([]);
      expect(ids(await list(anna, { kind: 'funding', municipalityCode: HELSINGBORG }).expect(200))).toEqual([]);
      await server.http.get('/api/partner-posts').expect(401);
    });

    it('lets only the author change or withdraw a post, on the version they read (428 without, 412 stale), audited', async () => {
      const mine = await created(anna, { kind: 'competence', title: 'Söker UX-kompetens' });
      const change = { direction: 'look_for', kind: 'competence', title: 'Söker UX-kompetens för äldre', description: 'Två veckors arbete.', tags: ['ux'], municipalityCode: null, endsOn: daysFromNow(10) };
      await server.http.put(`/api/partner-posts/${mine.id}`).set(bertil.auth).set('If-Match', '"1"').send(change).expect(404);
      await server.http.put(`/api/partner-posts/${mine.id}`).set(anna.auth).send(change).expect(428);
      const changed = await server.http.put(`/api/partner-posts/${mine.id}`).set(anna.auth).set('If-Match', '"1"').send(change).expect(200);
      expect(changed.body).toMatchObject({ version: 2, title: 'Söker UX-kompetens för äldre', municipalityCode: null });
      expect(changed.headers.etag).toBe('"2"');
      const stale = await server.http.put(`/api/partner-posts/${mine.id}`).set(anna.auth).set('If-Match', '"1"').send(change).expect(412);
      expect(stale.body.code).toBe('stale_version');

      await server.http.post(`/api/partner-posts/${mine.id}/withdraw`).set(bertil.auth).set('If-Match', '"2"').expect(404);
      const withdrawn = await server.http.post(`/api/partner-posts/${mine.id}/withdraw`).set(anna.auth).set('If-Match', '"2"').expect(200);
      expect(withdrawn.body.state).toBe('withdrawn');
      expect((await server.http.put(`/api/partner-posts/${mine.id}`).set(anna.auth).set('If-Match', '"3"').send(change).expect(409)).body.code).toBe('partner_post_closed');
      expect(ids(await list(bertil, { kind: 'competence' }).expect(200))).not.toContain(mine.id);
      expect(ids(await list(anna, { mine: 'true' }).expect(200))).toContain(mine.id);
      expect((await trail(mine.id)).map((event) => event.action)).toEqual(['partner_post.created', 'partner_post.updated', 'partner_post.withdrawn']);
    });

    it('lets an admin hide a post with a reason: then only its author (told why) and admins see it', async () => {
      const spam = await created(bertil, { direction: 'offer', kind: 'competence', title: 'Köp billiga klockor', tags: ['klockor'] });
      for (const as of [anna, cohort.manager, cohort.member, reviewer]) {
        await server.http.post(`/api/partner-posts/${spam.id}/hide`).set(as.auth).set('If-Match', '"1"').send({ reason: 'Reklam' }).expect(403);
      }
      await server.http.post(`/api/partner-posts/${spam.id}/hide`).set(admin.auth).set('If-Match', '"1"').send({}).expect(400);
      const hidden = await server.http.post(`/api/partner-posts/${spam.id}/hide`).set(admin.auth).set('If-Match', '"1"').send({ reason: 'Reklam hör inte hemma här' }).expect(200);
      expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Reklam hör inte hemma här' });
      expect((await server.http.post(`/api/partner-posts/${spam.id}/hide`).set(admin.auth).set('If-Match', '"2"').send({ reason: 'Igen' }).expect(409)).body.code).toBe('partner_post_closed');

      await getPost(spam.id, anna).expect(404);
      expect(ids(await list(anna, { tag: 'klockor' }).expect(200))).toEqual([]);
      expect((await getPost(spam.id, bertil).expect(200)).body).toMatchObject({ hidden: true, hiddenReason: 'Reklam hör inte hemma här' });
      expect(ids(await list(admin, { tag: 'klockor' }).expect(200))).toEqual([spam.id]);
      await server.http.post(`/api/partner-posts/${spam.id}/interests`).set(anna.auth).expect(404);

      const told = await server.db.query(`SELECT type, payload FROM outbox_messages WHERE recipient_id = $1 AND type = 'partner_post.hidden'`, [bertil.userId]);
      expect(told.rows).toEqual([expect.objectContaining({ payload: expect.objectContaining({ body: { sv: 'Reklam hör inte hemma här', en: 'Reklam hör inte hemma här' } }) })]);
      const audited = await server.db.query(`SELECT e.action, t.reason FROM audit_events e JOIN audit_texts t ON t.event_id = e.id WHERE e.entity_id = $1`, [spam.id]);
      expect(audited.rows).toEqual([{ action: 'partner_post.hidden', reason: 'Reklam hör inte hemma här' }]);
    });

    it('lets an admin show a hidden post again, on the version read: listed again, its reason cleared from it, its author told', async () => {
      const post = await created(bertil, { direction: 'offer', kind: 'competence', title: 'Erbjuder tolkning till arabiska', tags: ['tolkning'] });
      const unhide = (as: Session, version?: string) => {
        const request = server.http.post(`/api/partner-posts/${post.id}/unhide`).set(as.auth);
        return version ? request.set('If-Match', version) : request;
      };
      expect((await unhide(admin, '"1"').expect(409)).body.code).toBe('partner_post_not_hidden');
      await server.http.post(`/api/partner-posts/${post.id}/hide`).set(admin.auth).set('If-Match', '"1"').send({ reason: 'Ser ut som reklam' }).expect(200);

      // Its author included: only an admin undoes a hiding.
      for (const as of [bertil, anna, cohort.manager, cohort.member, reviewer]) await unhide(as, '"2"').expect(403);
      await unhide(admin).expect(428);
      expect((await unhide(admin, '"1"').expect(412)).body.code).toBe('stale_version');
      const shown = await unhide(admin, '"2"').expect(200);
      expect(shown.body).toMatchObject({ hidden: false, hiddenReason: null, version: 3 });
      expect((await unhide(admin, '"3"').expect(409)).body.code).toBe('partner_post_not_hidden');

      expect(ids(await list(anna, { tag: 'tolkning' }).expect(200))).toEqual([post.id]);
      expect((await getPost(post.id, bertil).expect(200)).body).toMatchObject({ hidden: false, hiddenReason: null });
      await server.http.post(`/api/partner-posts/${post.id}/interests`).set(anna.auth).expect(201);

      const told = await server.db.query(`SELECT payload FROM outbox_messages WHERE recipient_id = $1 AND type = 'partner_post.unhidden'`, [bertil.userId]);
      expect(told.rows).toEqual([{ payload: expect.objectContaining({ body: { sv: 'Erbjuder tolkning till arabiska', en: 'Erbjuder tolkning till arabiska' }, data: { postId: post.id } }) }]);
      expect(await trail(post.id)).toEqual([
        expect.objectContaining({ action: 'partner_post.created' }),
        expect.objectContaining({ action: 'partner_post.hidden', from_state: 'visible', to_state: 'hidden' }),
        expect.objectContaining({ action: 'partner_post.unhidden', actor_id: admin.userId, from_state: 'hidden', to_state: 'visible' }),
      ]);
      // The reason went from the post, not from the trail.
      const reasons = await server.db.query(`SELECT e.action, t.reason FROM audit_events e JOIN audit_texts t ON t.event_id = e.id WHERE e.entity_id = $1`, [post.id]);
      expect(reasons.rows).toEqual([{ action: 'partner_post.hidden', reason: 'Ser ut som reklam' }]);
    });
  });

  describe('suggestions', () => {
    it('suggests offers for a search and open challenges the reader can see, scored by tags and location, with reasons as codes', async () => {
      const search = await created(anna, { kind: 'test_environment', tags: ['äldre', 'digital delaktighet'], municipalityCode: HELSINGBORG });
      const near = await created(bertil, { direction: 'offer', kind: 'test_environment', title: 'Testbädd på äldreboende', tags: ['Äldre', 'digital delaktighet'], municipalityCode: HOGANAS });
      const far = await created(cohort.member, { direction: 'offer', kind: 'test_environment', title: 'Testlabb i Stockholm', tags: ['äldre'], municipalityCode: STOCKHOLM });
      // Another kind, the same direction, or no shared tag: not suggested.
      await created(bertil, { direction: 'offer', kind: 'funding', tags: ['äldre'] });
      await created(bertil, { direction: 'look_for', kind: 'test_environment', tags: ['äldre'] });
      await created(bertil, { direction: 'offer', kind: 'test_environment', tags: ['idrott'] });

      const forManager = (await server.http.get(`/api/partner-posts/${search.id}/suggestions`).set(cohort.manager.auth).expect(200)).body;
      expect(forManager.posts.map((s: { post: { id: string } }) => s.post.id)).toEqual([near.id, far.id]);
      expect(forManager.posts[0].reasons).toEqual([{ code: 'shared_tags', shared: 2, wanted: 2, tags: ['äldre', 'digital delaktighet'] }, { code: 'same_county' }]);
      expect(forManager.posts[1].reasons).toEqual([{ code: 'shared_tags', shared: 1, wanted: 2, tags: ['äldre'] }, { code: 'another_county' }]);
      expect(forManager.posts[0].score).toBeGreaterThan(forManager.posts[1].score);
      expect(forManager.challenges).toEqual([
        expect.objectContaining({ challengeId: cohort.challengeIds[0], title: 'Digitalt stöd för äldre i Helsingborg', reasons: [expect.objectContaining({ code: 'shared_tags', shared: 2 }), { code: 'same_municipality' }] }),
      ]);
      // The reviewer cannot read the cohort's challenge: the same post suggests none to them.
      const forReviewer = (await server.http.get(`/api/partner-posts/${search.id}/suggestions`).set(reviewer.auth).expect(200)).body;
      expect(forReviewer.posts).toHaveLength(2);
      expect(forReviewer.challenges).toEqual([]);

      // From the offer's side, the search is suggested back, its tags being the ones covered.
      const back = (await server.http.get(`/api/partner-posts/${far.id}/suggestions`).set(bertil.auth).expect(200)).body;
      expect(back.posts).toEqual(expect.arrayContaining([expect.objectContaining({ post: expect.objectContaining({ id: search.id }), reasons: [expect.objectContaining({ shared: 1, wanted: 2 }), { code: 'another_county' }] })]));
    });
  });

  describe('contact through Samverka', () => {
    let search: { id: string };
    let interestId: string;
    const everything: string[] = [];
    /** Every body answered before both agreed, to show that no address was in any. */
    const seen = <T extends { text: string }>(response: T): T => {
      everything.push(response.text);
      return response;
    };

    beforeAll(async () => {
      search = await created(anna, { kind: 'premises', title: 'Söker lokal för workshop', tags: ['lokal'] });
    });

    it('tells the poster of an interest, and shows neither side’s address until the poster accepts', async () => {
      expect((await server.http.post(`/api/partner-posts/${search.id}/interests`).set(anna.auth).expect(409)).body.code).toBe('own_partner_post');
      const shown = seen(await server.http.post(`/api/partner-posts/${search.id}/interests`).set(bertil.auth).expect(201));
      interestId = shown.body.id;
      expect(shown.body).toMatchObject({ state: 'pending', personName: 'Bertil Berg', email: null });
      expect((await server.http.post(`/api/partner-posts/${search.id}/interests`).set(bertil.auth).expect(409)).body.code).toBe('already_interested');

      const told = await server.db.query(`SELECT payload FROM outbox_messages WHERE recipient_id = $1 AND type = 'partner_post.interest'`, [anna.userId]);
      expect(told.rows).toEqual([{ payload: expect.objectContaining({ body: { sv: 'Söker lokal för workshop', en: 'Söker lokal för workshop' }, data: { postId: search.id, interestId } }) }]);
      expect(await trail(interestId)).toEqual([expect.objectContaining({ action: 'partner_interest.shown', actor_id: bertil.userId, to_state: 'pending' })]);

      const annasView = seen(await server.http.get(`/api/partner-posts/${search.id}/interests`).set(anna.auth).expect(200));
      expect(annasView.body).toEqual([expect.objectContaining({ id: interestId, personName: 'Bertil Berg', email: null })]);
      expect(seen(await server.http.get(`/api/partner-posts/${search.id}/interests`).set(reviewer.auth).expect(200)).body).toEqual([]);
      expect(seen(await getPost(search.id, bertil).expect(200)).body.myInterest).toEqual({ id: interestId, state: 'pending', posterEmail: null });
      seen(await list(bertil, { kind: 'premises' }).expect(200));
      seen(await list(anna, { mine: 'true' }).expect(200));

      // Only the poster answers: anyone else, the interested person included, gets 404.
      for (const as of [bertil, reviewer, admin]) await server.http.post(`/api/partner-interests/${interestId}/accept`).set(as.auth).expect(404);
      for (const body of everything) {
        expect(body).not.toContain(anna.email);
        expect(body).not.toContain(bertil.email);
      }
    });

    it('shows each the other’s address once the poster accepts, tells the interested person, and hides them again on withdrawal', async () => {
      const accepted = await server.http.post(`/api/partner-interests/${interestId}/accept`).set(anna.auth).expect(200);
      expect(accepted.body).toMatchObject({ state: 'accepted', email: bertil.email });
      expect((await server.http.post(`/api/partner-interests/${interestId}/decline`).set(anna.auth).expect(409)).body.code).toBe('already_answered');
      expect((await getPost(search.id, bertil).expect(200)).body.myInterest).toEqual({ id: interestId, state: 'accepted', posterEmail: anna.email });
      expect((await server.http.get(`/api/partner-posts/${search.id}/interests`).set(anna.auth).expect(200)).body).toEqual([expect.objectContaining({ email: bertil.email })]);
      const told = await server.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_id = $1 AND type = 'partner_interest.accepted'`, [bertil.userId]);
      expect(told.rows[0].n).toBe(1);

      await server.http.post(`/api/partner-interests/${interestId}/withdraw`).set(anna.auth).expect(404);
      const withdrawn = await server.http.post(`/api/partner-interests/${interestId}/withdraw`).set(bertil.auth).expect(200);
      expect(withdrawn.body).toMatchObject({ state: 'withdrawn', email: null });
      expect((await getPost(search.id, bertil).expect(200)).body.myInterest).toEqual({ id: interestId, state: 'withdrawn', posterEmail: null });
      expect((await server.http.post(`/api/partner-interests/${interestId}/withdraw`).set(bertil.auth).expect(409)).body.code).toBe('invalid_transition');
      expect((await server.http.post(`/api/partner-interests/${interestId}/accept`).set(anna.auth).expect(409)).body.code).toBe('invalid_transition');
      expect((await trail(interestId)).map((event) => event.action)).toEqual(['partner_interest.shown', 'partner_interest.accepted', 'partner_interest.withdrawn']);
    });

    it('lets a poster decline, and takes no interest in a withdrawn post', async () => {
      const carl = await registerEntrepreneur(server, 'Carl Carlsson');
      const interest = (await server.http.post(`/api/partner-posts/${search.id}/interests`).set(carl.auth).expect(201)).body;
      expect((await server.http.post(`/api/partner-interests/${interest.id}/decline`).set(anna.auth).expect(200)).body).toMatchObject({ state: 'declined', email: null });
      expect((await server.http.post(`/api/partner-posts/${search.id}/interests`).set(carl.auth).expect(409)).body.code).toBe('already_interested');

      const version = (await getPost(search.id, anna).expect(200)).body.version;
      await server.http.post(`/api/partner-posts/${search.id}/withdraw`).set(anna.auth).set('If-Match', `"${version}"`).expect(200);
      const dora = await registerEntrepreneur(server, 'Dora Dahl');
      expect((await server.http.post(`/api/partner-posts/${search.id}/interests`).set(dora.auth).expect(409)).body.code).toBe('partner_post_closed');
    });
  });

  describe('notifications', () => {
    it('names the post in every notification about it: interest shown, accepted, declined, hidden and shown again', async () => {
      const greta = await registerEntrepreneur(server, 'Greta Grön');
      const hugo = await registerEntrepreneur(server, 'Hugo Holm');
      const ida = await registerEntrepreneur(server, 'Ida Ilic');
      const post = await created(greta, { kind: 'funding', title: 'Söker medfinansiering för en pilot', tags: ['pilot'] });
      const interestOf = async (as: Session) => (await server.http.post(`/api/partner-posts/${post.id}/interests`).set(as.auth).expect(201)).body.id as string;
      const hugos = await interestOf(hugo);
      const idas = await interestOf(ida);
      await server.http.post(`/api/partner-interests/${hugos}/accept`).set(greta.auth).expect(200);
      await server.http.post(`/api/partner-interests/${idas}/decline`).set(greta.auth).expect(200);
      await server.http.post(`/api/partner-posts/${post.id}/hide`).set(admin.auth).set('If-Match', '"1"').send({ reason: 'Granskas' }).expect(200);
      await server.http.post(`/api/partner-posts/${post.id}/unhide`).set(admin.auth).set('If-Match', '"2"').expect(200);

      const worker = await TestWorker.start(server);
      try {
        await untilOutboxDrained(server);
      } finally {
        await worker.stop();
      }
      const about = async (as: Session) =>
        ((await server.http.get('/api/notifications').set(as.auth).expect(200)).body.items as { type: string; title: string; data: Record<string, unknown> }[])
          .filter(({ type }) => type.startsWith('partner_'))
          .map(({ type, title, data }) => ({ type, title, postId: data.postId }))
          // Delivered in one go, they may share a time: compared in a fixed order instead.
          .sort((a, b) => a.type.localeCompare(b.type));
      expect(await about(greta)).toEqual([
        { type: 'partner_post.hidden', title: 'Ditt inlägg på partnertavlan är dolt', postId: post.id },
        { type: 'partner_post.interest', title: 'Någon är intresserad av ditt inlägg', postId: post.id },
        { type: 'partner_post.interest', title: 'Någon är intresserad av ditt inlägg', postId: post.id },
        { type: 'partner_post.unhidden', title: 'Ditt inlägg på partnertavlan syns igen', postId: post.id },
      ]);
      expect(await about(hugo)).toEqual([{ type: 'partner_interest.accepted', title: 'Din intresseanmälan är accepterad', postId: post.id }]);
      expect(await about(ida)).toEqual([{ type: 'partner_interest.declined', title: 'Din intresseanmälan fick nej den här gången', postId: post.id }]);
    });
  });

  describe('personal data', () => {
    it('exports a person’s posts and interests, and erases them with nothing they wrote left anywhere', async () => {
      const erik = await registerEntrepreneur(server, 'Erik Ek');
      const theirs = await created(erik, { kind: 'funding', title: 'Eriks hemliga finansieringsidé', description: 'Erik Ek på Storgatan 7', tags: ['eriksord'] });
      const annas = await created(anna, { direction: 'offer', kind: 'funding', title: 'Annas finansiering', tags: ['pengar'] });
      const interest = (await server.http.post(`/api/partner-posts/${annas.id}/interests`).set(erik.auth).expect(201)).body;
      await server.http.post(`/api/partner-posts/${theirs.id}/interests`).set(anna.auth).expect(201);

      const exported = (await server.http.get('/api/me/export').set(erik.auth).expect(200)).body.partner_board;
      expect(exported.posts).toEqual([expect.objectContaining({ id: theirs.id, title: 'Eriks hemliga finansieringsidé' })]);
      expect(exported.interests).toEqual([expect.objectContaining({ id: interest.id, postId: annas.id, state: 'pending' })]);

      await server.http.delete('/api/me').set(erik.auth).send({ password: DEFAULT_PASSWORD }).expect(204);
      await getPost(theirs.id, anna).expect(404);
      expect((await server.http.get(`/api/partner-posts/${annas.id}/interests`).set(anna.auth).expect(200)).body).toEqual([]);
      for (const words of ['Eriks hemliga finansieringsidé', 'Storgatan 7', 'eriksord']) expect(await tablesContaining(server, words)).toEqual([]);
    });

    it('blanks the reason an erased admin gave for hiding a post; the post stays hidden', async () => {
      const moderator = await invitePerson(server, admin, 'admin');
      const post = await created(bertil, { kind: 'competence', title: 'Ett inlägg att dölja', tags: ['dölj'] });
      await server.http.post(`/api/partner-posts/${post.id}/hide`).set(moderator.auth).set('If-Match', '"1"').send({ reason: 'Moderatorns egna ord om inlägget' }).expect(200);
      expect((await server.http.get('/api/me/export').set(moderator.auth).expect(200)).body.partner_board.hidingReasons).toEqual([
        expect.objectContaining({ postId: post.id, reason: 'Moderatorns egna ord om inlägget' }),
      ]);

      await server.http.delete(`/api/users/${moderator.userId}`).set(admin.auth).send({ reason: 'Begäran per brev' }).expect(204);
      expect((await getPost(post.id, bertil).expect(200)).body).toMatchObject({ hidden: true, hiddenReason: '' });
      await getPost(post.id, anna).expect(404);
      expect(await tablesContaining(server, 'Moderatorns egna ord')).toEqual([]);
    });
  });
});
