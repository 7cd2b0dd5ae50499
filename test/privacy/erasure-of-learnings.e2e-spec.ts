import { cohortWithTracks, DEFAULT_PASSWORD, TestServer, type TrackedCohort } from '@samverka/testing';

/** What a participant wrote on their track outlives their account only with consent to research use. */
describe('erasure and what a person wrote on a track', () => {
  let server: TestServer;
  let cohort: TrackedCohort;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Fatima Forskning', 'Gustav Glömd']);
  });
  afterAll(() => server.stop());

  const learn = (index: number, text: string) =>
    server.http
      .post(`/api/tracks/${cohort.trackIds[index]}/learnings`)
      .set(cohort.participants[index].auth)
      .send({ kind: 'obstacle', text, tags: ['Tillit'] })
      .expect(201);

  it('keeps a consenting person’s learnings, detached from them, and blanks the others’; counts by tag stay', async () => {
    const [fatima, gustav] = cohort.participants;
    await server.http.put('/api/me/consents/research_use').set(fatima.auth).send({ given: true, textVersion: 1 }).expect(200);
    await learn(0, 'Föräldrarna litade inte på kommunen förrän fritidsledarna var med.');
    await learn(1, 'Gustav märkte att ingen läste anslagen.');

    const exported = await server.http.get('/api/me/export').set(gustav.auth).expect(200);
    expect(exported.body.journey.learnings).toEqual([expect.objectContaining({ text: 'Gustav märkte att ingen läste anslagen.' })]);
    expect(exported.body.journey.tracks).toEqual([expect.objectContaining({ id: cohort.trackIds[1], stage: 'matched' })]);

    for (const person of [fatima, gustav]) await server.http.delete('/api/me').set(person.auth).send({ password: DEFAULT_PASSWORD }).expect(204);

    const { rows } = await server.db.query(`SELECT track_id, text, author_id, tags FROM track_learnings ORDER BY created_at`);
    expect(rows).toEqual([
      { track_id: cohort.trackIds[0], text: 'Föräldrarna litade inte på kommunen förrän fritidsledarna var med.', author_id: null, tags: ['tillit'] },
      { track_id: cohort.trackIds[1], text: '', author_id: null, tags: ['tillit'] },
    ]);
    const seenByManager = await server.http.get(`/api/tracks/${cohort.trackIds[0]}/learnings`).set(cohort.manager.auth).expect(200);
    expect(seenByManager.body.items).toHaveLength(1);
  });

  it('erases a participant whose track has ended, keeping the track', async () => {
    const ended = await cohortWithTracks(server, ['Hanna Avslutad']);
    const trackId = ended.trackIds[0];
    const version = async () => `"${(await server.http.get(`/api/tracks/${trackId}`).set(ended.manager.auth).expect(200)).body.version}"`;
    await server.http.post(`/api/tracks/${trackId}/advance`).set(ended.manager.auth).set('If-Match', await version()).send({ to: 'co_design', note: 'Start.' }).expect(200);
    await server.http
      .post(`/api/tracks/${trackId}/advance`)
      .set(ended.manager.auth)
      .set('If-Match', await version())
      .send({ to: 'discontinued', note: 'Avslutat.', reason: 'Hanna flyttade till Umeå.' })
      .expect(200);
    await server.http.delete('/api/me').set(ended.participants[0].auth).send({ password: DEFAULT_PASSWORD }).expect(204);
    const track = await server.http.get(`/api/tracks/${trackId}`).set(ended.manager.auth).expect(200);
    expect(track.body.stage).toBe('discontinued');
    expect(JSON.stringify(track.body)).not.toContain('Umeå');
  });
});
