import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cohortWithTracks, loginAdmin, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

interface OpenCard {
  url: string;
  cardUrl: string;
  slug: string;
  version: number;
  title: string;
  citation: string;
  licence: string;
}

/** A server of the test's own, on 127.0.0.1, misbehaving on purpose. */
async function startStub(card: () => OpenCard): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const port = (server.address() as AddressInfo).port;
    if (request.url === '/card') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(card()));
    if (request.url === '/moved') return void response.writeHead(302, { Location: '/card' }).end();
    if (request.url === '/elsewhere') return void response.writeHead(302, { Location: `http://localhost:${port}/card` }).end();
    if (request.url === '/large') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ...card(), evidence: 'x'.repeat(80_000) }));
    if (request.url === '/slow') return void setTimeout(() => response.writeHead(200).end('{}'), 4000);
    if (request.url === '/not-a-card') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ title: 'Bara en titel' }));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('importing method cards another installation published', () => {
  /** The installation that published the card. */
  let source: TestServer;
  let published: OpenCard;
  let secondVersion: OpenCard;
  /** The installation that imports it; 127.0.0.1 is its test-only host reachable over http. */
  let local: TestServer;
  let localCohort: TrackedCohort;
  let admin: Session;
  let stub: { server: Server; base: string };
  let importedCardId: string;

  const importFrom = (body: Record<string, unknown>, as: Session = admin) => local.http.post('/api/method-cards/imports').set(as.auth).send(body);
  const refusal = async (url: string) => (await importFrom({ url }).expect(422)).body;

  beforeAll(async () => {
    source = await TestServer.start({ env: { INSTALLATION_NAME: 'Malmö stad' } });
    const cohort = await cohortWithTracks(source, ['Amira Haddad']);
    const learning = await source.http.post(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(cohort.participants[0].auth).send({ kind: 'method', text: 'Korta möten fungerar.', tags: ['möten'] }).expect(201);
    const body = { title: 'Korta möten', whenToUse: 'När många ska höras.', steps: ['Boka 20 minuter', 'Låt alla tala en gång'], evidence: 'Alla hann säga sitt.', learnings: [{ learningId: learning.body.id }] };
    const card = await source.http.post('/api/method-cards').set(cohort.manager.auth).send(body).expect(201);
    await source.http.put(`/api/method-cards/${card.body.id}/versions/1/publication`).set(cohort.manager.auth).send({}).expect(200);
    await source.http.put(`/api/method-cards/${card.body.id}`).set(cohort.manager.auth).set('If-Match', '"1"').send({ ...body, title: 'Korta möten med alla' }).expect(200);
    await source.http.put(`/api/method-cards/${card.body.id}/versions/2/publication`).set(cohort.manager.auth).send({ licence: 'CC-BY-4.0' }).expect(200);
    published = (await source.http.get(`/api/open/method-cards/${card.body.id}/versions/1`).expect(200)).body;
    secondVersion = (await source.http.get(`/api/open/method-cards/${card.body.id}/versions/2`).expect(200)).body;

    local = await TestServer.start({ env: { OPEN_IMPORT_INSECURE_HOSTS: '127.0.0.1', OPEN_IMPORT_TIMEOUT_MS: '1500', OPEN_IMPORT_MAX_BYTES: '65536' } });
    localCohort = await cohortWithTracks(local, ['Bo Lindqvist']);
    admin = await loginAdmin(local);
    stub = await startStub(() => published);
  });
  afterAll(async () => {
    stub.server.close();
    await Promise.all([source.stop(), local.stop()]);
  });

  it('lets admins alone choose the hosts, and fetches only from those', async () => {
    const url = `${source.url}/api/open/method-cards/${published.slug}/versions/1`;
    expect(await refusal(url)).toMatchObject({ code: 'import_source_refused', reason: 'host_not_allowed' });
    await local.http.post('/api/open-import-hosts').set(localCohort.manager.auth).send({ host: '127.0.0.1' }).expect(403);
    await importFrom({ url }, localCohort.manager).expect(403);
    expect((await local.http.post('/api/open-import-hosts').set(admin.auth).send({ host: '127.0.0.1' }).expect(200)).body).toMatchObject({ host: '127.0.0.1' });
    await local.http.post('/api/open-import-hosts').set(admin.auth).send({ host: 'https://bad/' }).expect(400);
    expect((await local.http.get('/api/open-import-hosts').set(admin.auth).expect(200)).body.map((h: { host: string }) => h.host)).toEqual(['127.0.0.1']);
  });

  it('imports a version from the other server with its origin, licence and citation kept, once however often it is imported', async () => {
    const url = `${source.url}/api/open/method-cards/${published.slug}/versions/1`;
    const first = await importFrom({ url }).expect(200);
    expect(first.body.items).toEqual([{ cardId: expect.any(String), version: 1, title: 'Korta möten', sourceUrl: published.url, created: true }]);
    importedCardId = first.body.items[0].cardId;

    const card = (await local.http.get(`/api/method-cards/${importedCardId}`).set(localCohort.member.auth).expect(200)).body;
    expect(card).toMatchObject({ title: 'Korta möten', steps: ['Boka 20 minuter', 'Låt alla tala en gång'], licence: 'CC-BY-4.0', citation: published.citation, importedFrom: published.url, learnings: [] });
    expect(card.origin).toEqual({ url: published.cardUrl, installation: 'Malmö stad' });
    expect(published.citation).toContain('Malmö stad');

    const again = await importFrom({ url }).expect(200);
    expect(again.body.items).toEqual([{ ...first.body.items[0], created: false }]);
    // By another address of the same version (the id instead of the slug, through a redirect on the same host): still once.
    await importFrom({ url: `${stub.base}/moved` }).expect(200);
    const cards = (await local.http.get('/api/method-cards?q=möten').set(admin.auth).expect(200)).body.items;
    expect(cards.map((c: { id: string }) => c.id)).toEqual([importedCardId]);
    const audit = await local.http.get(`/api/audit-events?entityId=${importedCardId}`).set(admin.auth).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'method_card.imported')).toHaveLength(1);
  });

  it('adds a later version from an uploaded document to the same card, and refuses a document that is not one', async () => {
    const result = await importFrom({ document: { items: [secondVersion, published] } }).expect(200);
    // Each outcome names its own version's title, so the admin sees what came in.
    expect(result.body.items.map((i: { version: number; title: string; created: boolean }) => [i.version, i.title, i.created])).toEqual([
      [2, 'Korta möten med alla', true],
      [1, 'Korta möten', false],
    ]);
    expect((await local.http.get(`/api/method-cards/${importedCardId}`).set(admin.auth).expect(200)).body).toMatchObject({ version: 2, title: 'Korta möten med alla' });

    const refused = await importFrom({ document: { title: 'Bara en titel' } }).expect(422);
    expect(refused.body.code).toBe('import_not_open_data');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['url', 'licence', 'citation']));
    expect((await refusal(`${stub.base}/not-a-card`)).code).toBe('import_not_open_data');
    await importFrom({ url: `${stub.base}/card`, document: published }).expect(400);
  });

  it('never edits an imported card in place, but reuses it on tracks and adapts it as a new card naming its source', async () => {
    const content = { title: 'Korta möten i Helsingborg', whenToUse: 'När många ska höras.', steps: ['Boka 15 minuter'], evidence: 'Provat på fritidsgården.', learnings: [] as { learningId: string }[] };
    const edit = await local.http.put(`/api/method-cards/${importedCardId}`).set(localCohort.manager.auth).set('If-Match', '"2"').send({ ...content, learnings: [{ learningId: importedCardId }] }).expect(409);
    expect(edit.body.code).toBe('method_card_imported');
    await local.http.put(`/api/method-cards/${importedCardId}/versions/2/publication`).set(localCohort.manager.auth).send({}).expect(409);

    const [participant] = localCohort.participants;
    await local.http.post(`/api/tracks/${localCohort.trackIds[0]}/method-cards`).set(participant.auth).send({ cardId: importedCardId, version: 2 }).expect(201);
    expect((await local.http.get(`/api/method-cards/${importedCardId}`).set(admin.auth).expect(200)).body.reuse.tracks).toBe(1);

    const learning = await local.http.post(`/api/tracks/${localCohort.trackIds[0]}/learnings`).set(participant.auth).send({ kind: 'method', text: 'Femton minuter räcker.', tags: [] }).expect(201);
    const adaptation = await local.http
      .post('/api/method-cards')
      .set(localCohort.manager.auth)
      .send({ ...content, learnings: [{ learningId: learning.body.id }], adaptedFrom: { cardId: importedCardId, version: 2 } })
      .expect(201);
    expect(adaptation.body).toMatchObject({ title: 'Korta möten i Helsingborg', adaptedFrom: { cardId: importedCardId, version: 2 }, origin: null, licence: null });
    await local.http.put(`/api/method-cards/${adaptation.body.id}`).set(localCohort.manager.auth).set('If-Match', '"1"').send({ ...content, learnings: [{ learningId: learning.body.id }] }).expect(200);
  });

  it('refuses private addresses, plain http, redirects to another host, too large and too slow answers', async () => {
    await local.http.post('/api/open-import-hosts').set(admin.auth).send({ host: 'localhost' }).expect(200);
    const port = new URL(stub.base).port;
    // localhost resolves to a loopback address and is no test-only host: refused before connecting.
    expect((await refusal(`https://localhost:${port}/card`)).reason).toBe('private_address');
    expect((await refusal(`http://localhost:${port}/card`)).reason).toBe('not_https');
    expect((await refusal(`${stub.base}/elsewhere`)).reason).toBe('redirect_to_other_host');
    expect(await refusal(`${stub.base}/large`)).toMatchObject({ reason: 'too_large', maxBytes: 65536 });
    const started = Date.now();
    expect((await refusal(`${stub.base}/slow`)).reason).toBe('too_slow');
    expect(Date.now() - started).toBeLessThan(3500);
    expect(await refusal(`${stub.base}/missing`)).toMatchObject({ reason: 'bad_status', upstreamStatus: 404 });

    await local.http.delete('/api/open-import-hosts/localhost').set(localCohort.manager.auth).expect(403);
    await local.http.delete('/api/open-import-hosts/localhost').set(admin.auth).expect(204);
    await local.http.delete('/api/open-import-hosts/localhost').set(admin.auth).expect(404);
    expect((await refusal(`https://localhost:${port}/card`)).reason).toBe('host_not_allowed');
  });
});
