import { cohortReadyForMatching, TestServer, type MatchingCohort } from '@samverka/testing';

/** Races on a challenge's seats: whatever the timing, exactly one side wins and nothing is half-done. */
describe('seats are never over-booked', () => {
  let server: TestServer;
  beforeAll(async () => (server = await TestServer.start()));
  afterAll(() => server.stop());

  async function proposedAndAcceptedByParticipant(): Promise<{ cohort: MatchingCohort; matchId: string; challengeId: string }> {
    const cohort = await cohortReadyForMatching(server, {
      participants: [{ displayName: 'Dalia Nour', competences: ['pedagogik'] }],
      challenges: [{ title: 'Läxhjälp på fritidsgården', competences: ['pedagogik'], seats: 1 }],
    });
    const run = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'optimal' }).expect(201);
    const published = await server.http.post(`/api/matching-runs/${run.body.id}/publish`).set(cohort.manager.auth).send({}).expect(201);
    const [match] = published.body.items;
    await server.http.post(`/api/matches/${match.id}/respond`).set(cohort.participants[0].auth).send({ response: 'accept' }).expect(200);
    return { cohort, matchId: match.id, challengeId: match.challengeId };
  }

  it('lets a confirmation and a withdrawal of the challenge race: exactly one wins', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { cohort, matchId, challengeId } = await proposedAndAcceptedByParticipant();
      const [confirm, withdraw] = await Promise.all([
        server.http.post(`/api/matches/${matchId}/respond`).set(cohort.member.auth).send({ response: 'accept' }),
        server.http.post(`/api/challenges/${challengeId}/withdraw`).set(cohort.member.auth).send({ reason: 'Budgeten drogs in.' }),
      ]);
      expect([confirm.status, withdraw.status].filter((status) => status === 200)).toHaveLength(1);
      const loser = confirm.status === 200 ? withdraw : confirm;
      expect(loser.status).toBe(409);
      const match = await server.http.get(`/api/matches/${matchId}`).set(cohort.manager.auth).expect(200);
      const challenge = await server.http.get(`/api/challenges/${challengeId}`).set(cohort.manager.auth).expect(200);
      const tracks = await server.db.query(`SELECT count(*)::int AS n FROM tracks WHERE match_id = $1`, [matchId]);
      if (confirm.status === 200) {
        expect([match.body.state, challenge.body.state, tracks.rows[0].n]).toEqual(['confirmed', 'matched', 1]);
        expect(withdraw.body.code).toBe('challenge_has_confirmed_matches');
      } else {
        expect([match.body.state, challenge.body.state, tracks.rows[0].n]).toEqual(['expired', 'withdrawn', 0]);
        expect(confirm.body.code).toMatch(/challenge_unavailable|match_closed/);
      }
      outcomes.push(confirm.status === 200 ? 'confirmed' : 'withdrawn');
    }
    expect(outcomes).toHaveLength(3);
  });

  it('refuses a second confirmation once every seat is taken', async () => {
    const { cohort, matchId } = await proposedAndAcceptedByParticipant();
    const answers = await Promise.all([
      server.http.post(`/api/matches/${matchId}/respond`).set(cohort.member.auth).send({ response: 'accept' }),
      server.http.post(`/api/matches/${matchId}/respond`).set(cohort.member.auth).send({ response: 'accept' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const tracks = await server.db.query(`SELECT count(*)::int AS n FROM tracks WHERE match_id = $1`, [matchId]);
    expect(tracks.rows[0].n).toBe(1);
  });
});
