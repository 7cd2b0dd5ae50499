import { randomUUID } from 'node:crypto';
import { cohortWithTracks, programmeWithManager, type Session, TestServer, type TrackedCohort } from '@samverka/testing';

describe('method card uses: the tracks that used a card, as far as the caller may see them', () => {
  let server: TestServer;
  let cohort: TrackedCohort;
  let amira: Session;
  let bo: Session;
  let cardId: string;

  const uses = (as: Session, id = cardId) => server.http.get(`/api/method-cards/${id}/uses`).set(as.auth);

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortWithTracks(server, ['Amira Haddad', 'Bo Lindqvist']);
    [amira, bo] = cohort.participants;
    const [amirasTrack] = cohort.trackIds;
    const learning = await server.http.post(`/api/tracks/${amirasTrack}/learnings`).set(amira.auth).send({ kind: 'enabler', text: 'En vuxen som unga känner öppnar dörren.' }).expect(201);
    const card = { title: 'Kontaktperson på plats', whenToUse: 'När tilliten saknas.', steps: ['Hitta en känd vuxen'], evidence: 'Hösten 2026.', learnings: [{ learningId: learning.body.id }] };
    cardId = (await server.http.post('/api/method-cards').set(cohort.manager.auth).send(card).expect(201)).body.id;
    await server.http.post(`/api/tracks/${amirasTrack}/method-cards`).set(amira.auth).send({ cardId, version: 1 }).expect(201);
  });
  afterAll(() => server.stop());

  it('names the track, its participant and challenge to the cohort’s manager and to the participant', async () => {
    const expected = { trackId: cohort.trackIds[0], version: 1, participantName: 'Amira Haddad', challengeTitle: 'Utmaning för Amira Haddad', cohortId: cohort.cohortId, stage: 'matched' };
    expect((await uses(cohort.manager).expect(200)).body).toEqual([{ ...expected, recordedAt: expect.any(String) }]);
    expect((await uses(amira).expect(200)).body).toMatchObject([expected]);
  });

  it('leaves out tracks the caller is not on: another participant or another programme’s manager sees none; an unknown card is 404', async () => {
    expect((await uses(bo).expect(200)).body).toEqual([]);
    const outsider = (await programmeWithManager(server, cohort.admin)).manager;
    expect((await uses(outsider).expect(200)).body).toEqual([]);
    expect((await uses(cohort.manager, randomUUID()).expect(404)).body.code).toBe('not_found');
  });
});
