import { cohortReadyForMatching, expectStatus, type MatchingCohort, TestServer } from '@samverka/testing';

/** Lists are pages: {items, nextCursor}, honouring ?limit. */
describe('declared conflicts of interest, as a page', () => {
  let server: TestServer;
  let cohort: MatchingCohort;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: [{ displayName: 'Amira' }, { displayName: 'Bo' }],
      challenges: [{ title: 'Mötesplatser för unga' }],
    });
    for (const participant of cohort.participants) {
      await expectStatus(
        await server.http
          .post(`/api/cohorts/${cohort.cohortId}/matching-conflicts`)
          .set(participant.auth)
          .send({ participantId: participant.userId, challengeId: cohort.challengeIds[0], reason: 'Jag har arbetat på förvaltningen.' }),
        201,
        'declare conflict',
      );
    }
  });
  afterAll(() => server?.stop());

  it('GET /api/cohorts/:id/matching-conflicts is a page that honours ?limit', async () => {
    const response = await server.http.get(`/api/cohorts/${cohort.cohortId}/matching-conflicts?limit=1`).set(cohort.manager.auth);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [expect.any(Object)], nextCursor: expect.any(String) });
  });
});
