import { MatchingInputError, NOT_ALLOWED, SCORE_SCALE } from '../problem.js';
import { solveMatching } from '../run.js';
import { CohortScoring } from './cohort-scoring.js';
import type { ChallengeProfile, ParticipantProfile, ScoringInput } from './profiles.js';
import { DEFAULT_WEIGHTS, resolveWeights } from './weights.js';

const anna: ParticipantProfile = {
  id: 'anna',
  competences: ['GIS', 'Python', 'design', 'statistik'],
  themes: ['klimat'],
  sdgs: [11, 13],
  languages: ['sv', 'en'],
  municipalityCode: '0180',
  hoursPerWeek: 6,
};
const bo: ParticipantProfile = { id: 'bo', competences: [], themes: [], sdgs: [], languages: ['en'] };
const parks: ChallengeProfile = {
  id: 'parks',
  seats: 2,
  competences: ['gis', 'python', 'design', 'statistik', 'juridik'],
  themes: ['klimat', 'natur'],
  sdgs: [11],
  languagesRequired: ['sv'],
  municipalityCode: '0180',
  hoursPerWeek: 8,
};
const school: ChallengeProfile = {
  id: 'school',
  seats: 1,
  competences: [],
  themes: [],
  sdgs: [],
  languagesRequired: [],
  municipalityCode: '0181',
};
const cohort: ScoringInput = { participants: [anna, bo], challenges: [parks, school] };

describe('CohortScoring', () => {
  it('computes each component by its documented formula', () => {
    const explanation = new CohortScoring(cohort).explain('anna', 'parks');
    const values = Object.fromEntries(explanation.components.map(({ component, value }) => [component, value]));
    expect(values).toEqual({
      competences: 4 / 5,
      themes: 1 / 2,
      sdgs: 1,
      availability: 6 / 8,
      location: 1,
      participantPreference: 0.5,
      challengePreference: 0.5,
    });
    const expected =
      0.35 * 0.8 + 0.15 * 0.5 + 0.1 * 1 + 0.1 * 0.75 + 0.1 * 1 + 0.1 * 0.5 + 0.1 * 0.5;
    expect(explanation.score).toBeCloseTo(expected, 6);
    for (const { weight, value, contribution } of explanation.components) expect(contribution).toBeCloseTo(weight * value, 12);
  });

  it('explains in one line, in Swedish and English', () => {
    const { reason } = new CohortScoring(cohort).explain('anna', 'parks');
    expect(reason.sv).toBe('Täcker 4 av 5 kompetenser, 1 av 2 teman, 1 av 1 globala mål, 6 av 8 timmar i veckan, samma kommun');
    expect(reason.en).toBe('Covers 4 of 5 competences, 1 of 2 themes, 1 of 1 SDGs, 6 of 8 hours a week, same municipality');
    expect(new CohortScoring(cohort).explain('anna', 'school').reason.en).toBe('No competences required, same county');
  });

  it('marks a required language that is not spoken, conflicts and forbidden pairs as not allowed', () => {
    const scoring = new CohortScoring({ ...cohort, conflicts: [['anna', 'school']], forbidden: [['bo', 'school']] });
    const problem = scoring.problem();
    expect(Array.from(problem.scores)).toEqual([
      scoring.explain('anna', 'parks').score! * SCORE_SCALE,
      NOT_ALLOWED,
      NOT_ALLOWED,
      NOT_ALLOWED,
    ]);
    expect(scoring.explain('bo', 'parks')).toMatchObject({
      allowed: false,
      score: null,
      reason: { en: 'Not allowed: requires a language the participant does not speak' },
    });
    expect(scoring.explain('anna', 'school').reason.sv).toBe('Ej tillåtet: jäv (intressekonflikt)');
    expect(scoring.explain('bo', 'school').reason.en).toBe('Not allowed: forbidden pair');
  });

  it('gives neutral preference to a side that did not rank, and rank values to one that did', () => {
    const scoring = new CohortScoring({
      ...cohort,
      participantRanks: { anna: ['school', 'parks'] },
      challengeRanks: { parks: ['bo'] },
    });
    const preference = (p: string, c: string) =>
      Object.fromEntries(scoring.explain(p, c).components.map(({ component, value }) => [component, value]));
    expect(preference('anna', 'school')).toMatchObject({ participantPreference: 1, challengePreference: 0.5 });
    expect(preference('anna', 'parks')).toMatchObject({ participantPreference: 0.5, challengePreference: 0 });
    expect(preference('bo', 'parks')).toMatchObject({ participantPreference: 0.5, challengePreference: 1 });
    expect(scoring.explain('anna', 'parks').reason.en).toContain("the participant's choice no. 2, not among the challenge's choices");
  });

  it('agrees with its explanations on every pair of a larger cohort', () => {
    const participants = Array.from({ length: 40 }, (_, i): ParticipantProfile => ({
      id: `p${i}`,
      competences: [`k${i % 7}`, `k${(i * 3) % 11}`],
      themes: [`t${i % 4}`],
      sdgs: [1 + (i % 17)],
      languages: i % 5 === 0 ? ['en'] : ['sv'],
      municipalityCode: i % 3 === 0 ? undefined : `${10 + (i % 4)}${20 + (i % 9)}`,
      hoursPerWeek: i % 6 === 0 ? undefined : i % 10,
    }));
    const challenges = Array.from({ length: 9 }, (_, i): ChallengeProfile => ({
      id: `c${i}`,
      seats: 1 + (i % 3),
      competences: Array.from({ length: i % 4 }, (_, k) => `k${i + k}`),
      themes: [`t${i % 4}`, `t${(i + 1) % 4}`],
      sdgs: [1 + (i % 17), 2],
      languagesRequired: i % 4 === 0 ? ['sv'] : [],
      municipalityCode: `${10 + (i % 4)}${20 + (i % 9)}`,
      hoursPerWeek: i,
    }));
    const scoring = new CohortScoring({ participants, challenges, participantRanks: { p1: ['c2', 'c0'] }, challengeRanks: { c3: ['p4'] } });
    const { scores } = scoring.problem();
    participants.forEach((participant, p) =>
      challenges.forEach((challenge, c) => {
        const { score } = scoring.explain(participant.id, challenge.id);
        expect(scores[p * challenges.length + c]).toBe(score === null ? NOT_ALLOWED : Math.round(score * SCORE_SCALE));
      }),
    );
  });

  it('feeds the solvers, pins included', () => {
    const run = solveMatching(new CohortScoring({ ...cohort, pins: [['bo', 'school']] }).problem(), { algorithm: 'optimal' });
    expect(run.pairs.map(({ participant, challenge, pinned }) => [participant, challenge, pinned])).toEqual([
      ['anna', 'parks', false],
      ['bo', 'school', true],
    ]);
  });

  it('rejects unknown ids and malformed profiles', () => {
    expect(() => new CohortScoring({ ...cohort, conflicts: [['eve', 'parks']] })).toThrow('unknown participant id "eve"');
    expect(() => new CohortScoring({ ...cohort, participants: [{ ...bo, municipalityCode: '18' }] })).toThrow('4 digits');
    expect(() => new CohortScoring({ ...cohort, participants: [{ ...bo, sdgs: [18] }] })).toThrow('SDG 18');
  });
});

describe('resolveWeights', () => {
  it('normalises defaults and overrides to sum to 1', () => {
    const defaults = resolveWeights();
    for (const [component, weight] of Object.entries(DEFAULT_WEIGHTS)) {
      expect(defaults[component as keyof typeof DEFAULT_WEIGHTS]).toBeCloseTo(weight, 12);
    }
    const weights = resolveWeights({ competences: 0, themes: 0, sdgs: 0, availability: 0, location: 2, participantPreference: 1, challengePreference: 1 });
    expect(weights).toMatchObject({ location: 0.5, participantPreference: 0.25, competences: 0 });
  });

  it.each([
    [{ location: -1 }, 'weight of location must be a non-negative number'],
    [{ location: Number.NaN }, 'weight of location'],
    [{ luck: 1 } as never, 'unknown score component "luck"'],
    [{ competences: 0, themes: 0, sdgs: 0, availability: 0, location: 0, participantPreference: 0, challengePreference: 0 }, 'at least one weight must be positive'],
  ])('rejects %p', (overrides, message) => {
    expect(() => resolveWeights(overrides)).toThrow(MatchingInputError);
    expect(() => resolveWeights(overrides)).toThrow(message);
  });
});
