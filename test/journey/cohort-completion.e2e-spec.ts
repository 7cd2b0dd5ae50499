import { cohortWithTracks, moveCohort, TestServer } from '@samverka/testing';

/** A cohort is completed once every track in it has ended, not while one is still under way. */
describe('completing a cohort', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  it('waits for its tracks to graduate or be discontinued', async () => {
    const cohort = await cohortWithTracks(server, ['Ines Ivrig']);
    await moveCohort(server, cohort.manager, cohort.cohortId, 'running');
    const early = await server.http.post(`/api/cohorts/${cohort.cohortId}/transitions`).set(cohort.manager.auth).send({ to: 'completed' }).expect(409);
    expect(early.body).toMatchObject({ code: 'tracks_under_way', trackIds: cohort.trackIds });

    const [trackId] = cohort.trackIds;
    const { version } = (await server.http.get(`/api/tracks/${trackId}`).set(cohort.manager.auth).expect(200)).body;
    await server.http
      .post(`/api/tracks/${trackId}/advance`)
      .set(cohort.manager.auth)
      .set('If-Match', `"${version}"`)
      .send({ to: 'discontinued', note: 'Avslutat.', reason: 'Förvaltningen omorganiserades.' })
      .expect(200);
    const completed = await server.http.post(`/api/cohorts/${cohort.cohortId}/transitions`).set(cohort.manager.auth).send({ to: 'completed' }).expect(200);
    expect(completed.body.state).toBe('completed');
  });
});
