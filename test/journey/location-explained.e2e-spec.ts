import { cohortReadyForMatching, TestServer, type MatchingCohort } from '@samverka/testing';

// Three participants live in Stockholm (0180); the fourth has not said where they live. The
// challenges are in Stockholm, in Upplands Väsby (0114: the same county, 01) and two in
// Helsingborg (1283: county 12).
const STOCKHOLM = '0180';
const PROFILE = { competences: ['tjänstedesign'], themes: [], sdgs: [], languages: ['sv'], hoursPerWeek: 10 };
const PARTICIPANTS = ['Alva Ek', 'Bruno Sjö', 'Cleo Ås', 'Dan Berg'].map((displayName) => ({ displayName, ...PROFILE, municipalityCode: STOCKHOLM }));
const CHALLENGE_PLACES = [STOCKHOLM, '0114', '1283', '1283'];
const EXPECTED: Record<string, { value: number; phrase: RegExp }> = {
  [STOCKHOLM]: { value: 1, phrase: /same municipality/ },
  '0114': { value: 0.5, phrase: /same county/ },
  '1283': { value: 0, phrase: /another county/ },
};

interface ExplainedPair {
  participantId: string;
  challengeId: string;
  reason: string;
  components: { component: string; value: number; contribution: number }[];
}

describe('a matching run explains where people and challenges are', () => {
  let server: TestServer;
  let cohort: MatchingCohort;

  beforeAll(async () => {
    server = await TestServer.start();
    cohort = await cohortReadyForMatching(server, {
      participants: PARTICIPANTS,
      challenges: CHALLENGE_PLACES.map((municipalityCode, index) => ({ title: `Utmaning ${index + 1}`, municipalityCode, competences: ['tjänstedesign'], languages: ['sv'], seats: 1 })),
    });
    const unplaced = cohort.participants[3];
    const current = await server.http.get('/api/entrepreneurs/me').set(unplaced.auth).expect(200);
    const saved = await server.http.put('/api/entrepreneurs/me').set(unplaced.auth).set('If-Match', current.headers.etag).send({ kind: 'social_entrepreneur', ...PROFILE, municipalityCode: null });
    expect([200, 201]).toContain(saved.status);
    expect(saved.body.municipalityCode).toBeNull();
  });
  afterAll(() => server.stop());

  it('same municipality 1, same county 0.5, another county 0, an unknown place 0.5 — and the reasons say so', async () => {
    const run = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).set('Accept-Language', 'en').send({ algorithm: 'optimal' }).expect(201);
    const pairs = run.body.pairs as ExplainedPair[];
    expect(pairs).toHaveLength(4);
    const placeOf = (challengeId: string) => CHALLENGE_PLACES[cohort.challengeIds.indexOf(challengeId)];
    const locationOf = (pair: ExplainedPair) => pair.components.find((c) => c.component === 'location')!;
    const unplaced = cohort.participants[3].userId;

    const placed = pairs.filter((pair) => pair.participantId !== unplaced);
    expect(placed.map((pair) => placeOf(pair.challengeId)).sort()).toEqual([STOCKHOLM, '0114', '1283'].sort());
    for (const pair of placed) {
      const expected = EXPECTED[placeOf(pair.challengeId)];
      expect(locationOf(pair).value).toBe(expected.value);
      expect(pair.reason).toMatch(expected.phrase);
    }
    const sameMunicipality = placed.find((pair) => placeOf(pair.challengeId) === STOCKHOLM)!;
    const sameCounty = placed.find((pair) => placeOf(pair.challengeId) === '0114')!;
    expect(locationOf(sameMunicipality).contribution).toBeCloseTo(2 * locationOf(sameCounty).contribution, 10);
    expect(locationOf(placed.find((pair) => placeOf(pair.challengeId) === '1283')!).contribution).toBe(0);

    // Where one side's place is unknown, the component is neutral and the reason is silent on it.
    const unknown = pairs.find((pair) => pair.participantId === unplaced)!;
    expect(placeOf(unknown.challengeId)).toBe('1283');
    expect(locationOf(unknown).value).toBe(0.5);
    expect(unknown.reason).not.toMatch(/municipality|county/);
  });
});
