import { cohortWithTracks, invitePerson, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

interface Card {
  id: string;
  version: number;
}

describe('open method cards: published by managers, read by anyone, cited at a stable address', () => {
  let server: TestServer;
  let north: TrackedCohort;
  let reviewer: Session;
  let learningId: string;

  const content = (overrides: Record<string, unknown> = {}) => ({
    title: 'Unga bokar själva',
    whenToUse: 'När en lokal står tom på kvällarna och unga saknar en plats att vara på.',
    steps: ['Bjud in unga via fritidsledarna', 'Låt dem boka lokalen i appen', 'Följ upp efter fyra veckor'],
    evidence: 'Sju av nio bokade utan hjälp under testperioden.',
    learnings: [{ learningId }],
    ...overrides,
  });
  const createCard = async (overrides: Record<string, unknown> = {}): Promise<Card> =>
    (await server.http.post('/api/method-cards').set(north.manager.auth).send(content(overrides)).expect(201)).body;
  const publish = (card: Card, as: Session | null, body: Record<string, unknown> = {}, version = card.version) => {
    const call = server.http.put(`/api/method-cards/${card.id}/versions/${version}/publication`).send(body);
    return as ? call.set(as.auth) : call;
  };

  beforeAll(async () => {
    server = await TestServer.start();
    north = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    reviewer = await invitePerson(server, north.admin, 'reviewer');
    const learning = await server.http
      .post(`/api/tracks/${north.trackIds[0]}/learnings`)
      .set(north.participants[0].auth)
      .send({ kind: 'enabler', text: 'Unga bokar lokalen själva om det går via mobilen.', tags: ['fritid', 'lokaler'] })
      .expect(201);
    learningId = learning.body.id;
  });
  afterAll(() => server.stop());

  it('lets managers and admins publish a version under CC BY 4.0 by default, with a slug address and a citation, audited; nobody else', async () => {
    const card = await createCard();
    await publish(card, null).expect(401);
    for (const refused of [north.participants[0], north.member, reviewer]) await publish(card, refused).expect(403);

    const published = (await publish(card, north.manager).expect(200)).body;
    expect(published).toMatchObject({ cardId: card.id, version: 1, state: 'published', licence: 'CC-BY-4.0', unpublishedAt: null });
    expect(published.url).toMatch(/\/api\/open\/method-cards\/unga-bokar-sjalva\/versions\/1$/);
    expect(published.citation).toBe(`Unga bokar själva. Samverka, metodkort version 1, ${published.publishedAt.slice(0, 10)}. CC BY 4.0. ${published.url}`);

    // The same again changes nothing; another licence is refused: a published version keeps its licence.
    expect((await publish(card, north.admin, { licence: 'CC-BY-4.0' }).expect(200)).body).toEqual(published);
    const fixed = await publish(card, north.manager, { licence: 'CC0-1.0' }).expect(409);
    expect(fixed.body).toMatchObject({ code: 'method_card_publication_fixed', licence: 'CC-BY-4.0' });

    const audit = await server.http.get(`/api/audit-events?entityId=${card.id}`).set(north.admin.auth).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('method_card.published');

    const listed = await server.http.get(`/api/method-cards/${card.id}/publications`).set(north.manager.auth).expect(200);
    expect(listed.body).toEqual([published]);
    await server.http.get(`/api/method-cards/${card.id}/publications`).set(north.member.auth).expect(403);
  });

  it('refuses text carrying a personnummer, an e-mail address, a phone number or a known person’s name, naming the fields', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ evidence: 'Deltagaren 19811218-9876 bokade sju gånger.' }, ['evidence']],
      [{ whenToUse: 'Fråga amira.haddad@example.se först.', steps: ['Ring 070-123 45 67', 'Boka'] }, ['whenToUse', 'steps[0]']],
      [{ title: 'Amira Haddads modell' }, ['title']],
    ];
    for (const [overrides, fields] of cases) {
      const card = await createCard(overrides);
      const refused = await publish(card, north.manager).expect(409);
      expect(refused.body.code).toBe('personal_data_in_publication');
      expect(refused.body.fields).toEqual(fields);
      expect(JSON.stringify(refused.body)).not.toMatch(/9876|amira\.haddad@|123 45 67/);
      await server.http.get(`/api/open/method-cards/${card.id}`).expect(404);
    }
  });

  it('serves published cards to anyone, as JSON or CSV, with strong ETags, 304 and public caching, filtered and searched in Swedish', async () => {
    const card = await createCard({ title: 'Lånecyklar för nyanlända', whenToUse: 'När föreningar vill låna ut cyklar till nyanlända familjer.' });
    await publish(card, north.manager, { licence: 'CC0-1.0' }).expect(200);

    const list = await server.http.get('/api/open/method-cards').expect(200);
    expect(list.headers['cache-control']).toBe('public, max-age=300');
    expect(list.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const item = list.body.items.find((c: { id: string }) => c.id === card.id);
    expect(item).toMatchObject({ slug: 'lanecyklar-for-nyanlanda', version: 1, licence: 'CC0-1.0', licenceUri: 'https://creativecommons.org/publicdomain/zero/1.0/', publisher: 'Samverka' });
    expect(item).toMatchObject({ sdgs: [4, 10], tags: ['fritid', 'lokaler'], municipalityCodes: ['1283'], countyCodes: ['12'] });
    // What the card quotes and who wrote or published it are never published.
    expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['learnings']));
    expect(JSON.stringify(list.body)).not.toContain(learningId);

    await server.http.get('/api/open/method-cards').set('If-None-Match', list.headers.etag).expect(304);

    // Swedish stemming: "cyklarna" finds "cyklar".
    const searched = await server.http.get('/api/open/method-cards?q=cyklarna').expect(200);
    expect(searched.body.items.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const year = new Date().getUTCFullYear();
    const filtered = await server.http.get(`/api/open/method-cards?sdg=10&tag=fritid&municipality=1283&county=12&year=${year}`).expect(200);
    expect(filtered.body.items.map((c: { id: string }) => c.id)).toContain(card.id);
    for (const query of ['sdg=3', 'tag=skola', 'municipality=0180', 'county=01', `year=${year - 1}`]) {
      expect((await server.http.get(`/api/open/method-cards?${query}`).expect(200)).body.items).toEqual([]);
    }
    await server.http.get('/api/open/method-cards?sdg=18').expect(400);

    const csv = await server.http.get('/api/open/method-cards?format=csv&limit=1').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('id,slug,version,url,title,when_to_use,steps,evidence,licence,citation,publisher,published_at,sdgs,tags,municipality_codes,county_codes');
    expect(first).toContain('Lånecyklar för nyanlända');
    expect(csv.headers.link).toMatch(/^<\/api\/open\/method-cards\?format=csv&limit=1&cursor=[\w-]+>; rel="next"$/);
    const byAccept = await server.http.get(`/api/open/method-cards/${card.id}`).set('Accept', 'text/csv').expect(200);
    expect(byAccept.text).toContain('4;10');

    const bySlug = await server.http.get('/api/open/method-cards/lanecyklar-for-nyanlanda/versions/1').expect(200);
    expect(bySlug.body).toEqual(item);
    expect((await server.http.get(`/api/open/method-cards/${card.id}/versions`).expect(200)).body.items).toEqual([item]);
  });

  it('keeps a published version as it was when the card is revised, and lists each card once at its newest published version', async () => {
    const card = await createCard({ title: 'Läxhjälp på biblioteket' });
    await publish(card, north.manager).expect(200);
    const revised = await server.http.put(`/api/method-cards/${card.id}`).set(north.manager.auth).set('If-Match', '"1"').send(content({ title: 'Läxhjälp på biblioteket och fritidsgården' })).expect(200);
    expect((await server.http.get(`/api/open/method-cards/${card.id}`).expect(200)).body).toMatchObject({ version: 1, title: 'Läxhjälp på biblioteket' });
    await server.http.get(`/api/open/method-cards/${card.id}/versions/2`).expect(404);

    await publish({ id: card.id, version: revised.body.version }, north.manager).expect(200);
    const latest = (await server.http.get('/api/open/method-cards/laxhjalp-pa-biblioteket').expect(200)).body;
    expect(latest).toMatchObject({ version: 2, title: 'Läxhjälp på biblioteket och fritidsgården', slug: 'laxhjalp-pa-biblioteket' });
    expect((await server.http.get('/api/open/method-cards/laxhjalp-pa-biblioteket/versions/1').expect(200)).body.title).toBe('Läxhjälp på biblioteket');
    const list = (await server.http.get('/api/open/method-cards?limit=100').expect(200)).body.items.filter((c: { id: string }) => c.id === card.id);
    expect(list.map((c: { version: number }) => c.version)).toEqual([2]);
  });

  it('answers 410 with the citation once a version is unpublished, and lets a manager publish it again', async () => {
    const card = await createCard({ title: 'Öppen verkstad' });
    const published = (await publish(card, north.manager).expect(200)).body;
    await server.http.delete(`/api/method-cards/${card.id}/versions/1/publication`).set(north.member.auth).expect(403);
    const withdrawn = await server.http.delete(`/api/method-cards/${card.id}/versions/1/publication`).set(north.manager.auth).expect(200);
    expect(withdrawn.body).toMatchObject({ state: 'unpublished', citation: published.citation });

    for (const path of ['oppen-verkstad/versions/1', 'oppen-verkstad', card.id]) {
      const gone = await server.http.get(`/api/open/method-cards/${path}`).expect(410);
      expect(gone.body).toMatchObject({ code: 'publication_withdrawn', citation: published.citation, licence: 'CC-BY-4.0' });
      expect(gone.headers['cache-control']).toBe('no-store');
    }
    expect((await server.http.get('/api/open/method-cards?limit=100').expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(card.id);
    await server.http.get('/api/open/method-cards/never-published').expect(404);

    const again = await publish(card, north.manager).expect(200);
    expect(again.body).toMatchObject({ state: 'published', citation: published.citation });
    await server.http.get('/api/open/method-cards/oppen-verkstad/versions/1').expect(200);
  });

  it('keeps a published card, which carries nothing of theirs, when the manager who published it is erased', async () => {
    const card = await createCard({ title: 'Gemensam kalender' });
    const manager = await invitePerson(server, north.admin, 'programme_manager');
    await publish(card, manager).expect(200);
    const exported = (await server.http.get('/api/me/export').set(manager.auth).expect(200)).body;
    expect(exported.method_cards.versionsPublished).toEqual([expect.objectContaining({ cardId: card.id, version: 1, publishedBy: manager.userId })]);

    await server.http.delete(`/api/users/${manager.userId}`).set(north.admin.auth).send({ reason: 'Begäran per brev' }).expect(204);
    const { rows } = await server.db.query('SELECT published_by FROM method_card_publications WHERE card_id = $1', [card.id]);
    expect(rows).toEqual([{ published_by: null }]);
    await server.http.get(`/api/open/method-cards/${card.id}`).expect(200);
  });
});

describe('open data rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ env: { OPEN_RATE_LIMIT: '3' } });
  });
  afterAll(() => server.stop());

  it('limits each client address across all open data, and says when to come back', async () => {
    const first = await server.http.get('/api/open/method-cards').expect(200);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    await server.http.get('/api/open/method-cards/none').expect(404);
    await server.http.get('/api/open/method-cards?format=csv').expect(200);
    const limited = await server.http.get('/api/open/method-cards').expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
