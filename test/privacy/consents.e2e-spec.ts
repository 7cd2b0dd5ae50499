import { loginAdmin, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

describe('consent per purpose (/api/me/consents)', () => {
  let server: TestServer;
  let person: Session;
  let admin: Session;

  beforeAll(async () => {
    server = await TestServer.start();
    person = await registerEntrepreneur(server);
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  it('lists the installation’s purposes in Swedish and English, unanswered at first', async () => {
    const response = await server.http.get('/api/me/consents').set(person.auth).expect(200);
    expect(response.body.map((c: { purpose: string }) => c.purpose)).toEqual(['newsletter', 'programme_contact', 'research_use']);
    const research = response.body.find((c: { purpose: string }) => c.purpose === 'research_use');
    expect(research).toMatchObject({ textVersion: 1, given: null, decidedAt: null, title: { sv: 'Forskning på anonymiserade lärdomar' } });
    expect(research.text.en).toContain('anonymised');
  });

  it('records giving and withdrawing with time and text version, keeping every answer', async () => {
    const given = await server.http.put('/api/me/consents/research_use').set(person.auth).send({ given: true, textVersion: 1 }).expect(200);
    expect(given.body).toMatchObject({ purpose: 'research_use', given: true, answeredTextVersion: 1 });
    expect(Date.parse(given.body.decidedAt)).not.toBeNaN();
    const withdrawn = await server.http.put('/api/me/consents/research_use').set(person.auth).send({ given: false, textVersion: 1 }).expect(200);
    expect(withdrawn.body.given).toBe(false);

    const { rows } = await server.db.query(`SELECT given FROM consent_records WHERE user_id = $1 AND purpose = 'research_use' ORDER BY recorded_at, id`, [person.userId]);
    expect(rows.map((r: { given: boolean }) => r.given)).toEqual([true, false]);
    const audit = await server.db.query(`SELECT action FROM audit_events WHERE actor_id = $1 AND entity_type = 'consent' ORDER BY occurred_at`, [person.userId]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['consent.given', 'consent.withdrawn']);
  });

  it('asks again when the installation changes a purpose’s wording', async () => {
    const purposes = await server.http.get('/api/consent-purposes').set(admin.auth).expect(200);
    const newsletter = purposes.body.find((p: { key: string }) => p.key === 'newsletter');
    await server.http.put('/api/me/consents/newsletter').set(person.auth).send({ given: true, textVersion: 1 }).expect(200);

    const wording = { titleSv: 'Nyhetsbrev', titleEn: 'Newsletter', textSv: 'Jag vill ha nyhetsbrevet varje månad.', textEn: 'I want the monthly newsletter.', active: true };
    await server.http.put('/api/consent-purposes/newsletter').set(admin.auth).send(wording).expect(428);
    const reworded = await server.http.put('/api/consent-purposes/newsletter').set(admin.auth).set('If-Match', `"${newsletter.version}"`).send(wording).expect(200);
    expect(reworded.body.textVersion).toBe(2);
    await server.http.put('/api/consent-purposes/newsletter').set(admin.auth).set('If-Match', `"${newsletter.version}"`).send(wording).expect(412);

    const mine = await server.http.get('/api/me/consents').set(person.auth).expect(200);
    expect(mine.body.find((c: { purpose: string }) => c.purpose === 'newsletter')).toMatchObject({ textVersion: 2, answeredTextVersion: 1, given: true });
    const stale = await server.http.put('/api/me/consents/newsletter').set(person.auth).send({ given: true, textVersion: 1 }).expect(409);
    expect(stale.body.code).toBe('consent_text_changed');
    await server.http.put('/api/me/consents/newsletter').set(person.auth).send({ given: true, textVersion: 2 }).expect(200);
  });

  it('refuses unknown purposes, bad bodies, strangers and non-admins', async () => {
    await server.http.put('/api/me/consents/telemarketing').set(person.auth).send({ given: true, textVersion: 1 }).expect(404);
    const bad = await server.http.put('/api/me/consents/newsletter').set(person.auth).send({ given: 'yes' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['given', 'textVersion']);
    await server.http.get('/api/me/consents').expect(401);
    await server.http.get('/api/consent-purposes').set(person.auth).expect(403);
  });
});
