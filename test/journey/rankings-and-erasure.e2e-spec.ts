import { cohortReadyForMatching, departmentMember, DEFAULT_PASSWORD, TestServer, type MatchingCohort } from '@samverka/testing';

/** Who a run may propose, and rankings that several people share. */
describe('erased participants and shared rankings', () => {
  let server: TestServer;
  let cohort: MatchingCohort;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: [
        { displayName: 'Ada Raderad', competences: ['tjänstedesign'], languages: ['sv'] },
        { displayName: 'Bea Kvar', competences: ['tjänstedesign'], languages: ['sv'] },
      ],
      challenges: [{ title: 'Utmaning A', competences: ['tjänstedesign'], languages: ['sv'], seats: 2 }],
    });
  });
  afterAll(() => server.stop());

  it('never proposes a match to a participant who erased their account', async () => {
    const [erased, kept] = cohort.participants;
    await server.http.delete('/api/me').set(erased.auth).send({ password: DEFAULT_PASSWORD }).expect(204);
    const run = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'optimal' }).expect(201);
    const proposed = run.body.pairs.map((pair: { participantId: string }) => pair.participantId);
    expect(proposed).toContain(kept.userId);
    expect(proposed).not.toContain(erased.userId);
    expect(run.body.unmatched).toContainEqual({ participantId: erased.userId, why: 'inactive' });
  });

  it('replaces a department’s ranking only on the version the member saw', async () => {
    const colleague = await departmentMember(server, cohort.admin, cohort.departmentId, 'Kollega');
    const [challengeId] = cohort.challengeIds;
    const [, kept] = cohort.participants;
    // First ranking by one member, then a colleague replaces it, not having seen it.
    const path = `/api/cohorts/${cohort.cohortId}/preferences/challenges/${challengeId}`;
    const first = await server.http.put(path).set(cohort.member.auth).send({ participantIds: [kept.userId] }).expect(200);
    expect(first.headers.etag).toBe('"1"');
    await server.http.put(path).set(colleague.auth).send({ participantIds: [] }).expect(428);
    const replaced = await server.http.put(path).set(colleague.auth).set('If-Match', first.headers.etag).send({ participantIds: [] }).expect(200);
    expect(replaced.body).toMatchObject({ rankedIds: [], version: 2 });
    await server.http.put(path).set(cohort.member.auth).set('If-Match', first.headers.etag).send({ participantIds: [kept.userId] }).expect(412);
  });
});
