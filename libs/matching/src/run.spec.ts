import fc from 'fast-check';
import { NOT_ALLOWED, SCORE_SCALE, type MatchingProblem } from './problem.js';
import { evaluateAssignment, solveMatching, type MatchingOptions } from './run.js';
import { bruteForceOptimum, seededRandom, shuffled, smallProblem } from './testing/problems.js';

const optimal: MatchingOptions = { algorithm: 'optimal' };
const stableOptions: MatchingOptions[] = [
  { algorithm: 'stable', proposing: 'participants' },
  { algorithm: 'stable', proposing: 'challenges' },
];

function matrix(rows: (number | null)[][]): Int32Array {
  return Int32Array.from(rows.flat(), (score) => (score === null ? NOT_ALLOWED : Math.round(score * SCORE_SCALE)));
}

describe('solveMatching properties', () => {
  it('optimal equals brute force in total and then in pairs matched', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const run = solveMatching(problem, optimal);
        const best = bruteForceOptimum(problem);
        expect(run.total).toBeCloseTo(best.total, 9);
        expect(run.matched).toBe(best.matched);
      }),
      { numRuns: 400 },
    );
  });

  it('every result respects hard rules, pins and seats, and reports itself consistently', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        for (const options of [optimal, ...stableOptions]) {
          const { algorithm: _algorithm, proposing: _proposing, ...report } = solveMatching(problem, options);
          const pairs = report.pairs.map(({ participant, challenge }) => [participant, challenge] as const);
          expect(evaluateAssignment(problem, pairs)).toEqual(report);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stable results have no blocking pair, whichever side proposes', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        for (const options of stableOptions) expect(solveMatching(problem, options).blockingPairs).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        for (const options of [optimal, ...stableOptions]) {
          expect(JSON.stringify(solveMatching(problem, options))).toBe(JSON.stringify(solveMatching(problem, options)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('permuting the input order does not change the optimal total', () => {
    fc.assert(
      fc.property(smallProblem, fc.integer(), (problem, seed) => {
        const permuted = permute(problem, seed);
        expect(solveMatching(permuted, optimal).total).toBeCloseTo(solveMatching(problem, optimal).total, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('solveMatching worked examples', () => {
  it('gives up a high pair when two good ones sum to more (not greedy)', () => {
    const problem: MatchingProblem = {
      participants: ['anna', 'bo'],
      challenges: [{ id: 'parks', seats: 1 }, { id: 'school', seats: 1 }],
      scores: matrix([
        [0.9, 0.8],
        [0.85, 0.1],
      ]),
    };
    const run = solveMatching(problem, optimal);
    expect(run.pairs.map((pair) => [pair.participant, pair.challenge])).toEqual([
      ['anna', 'school'],
      ['bo', 'parks'],
    ]);
    expect(run.total).toBeCloseTo(1.65, 9);
    expect(run.minScore).toBeCloseTo(0.8, 9);
    // anna and parks prefer each other (0.9 beats 0.85 on both sides): the price of the larger total.
    expect(run.blockingPairs).toBe(1);
    const stable = solveMatching(problem, { algorithm: 'stable' });
    expect(stable.pairs.map((pair) => pair.challenge)).toEqual(['parks', 'school']);
    expect(stable.total).toBeCloseTo(1.0, 9);
    expect(stable.blockingPairs).toBe(0);
  });

  it('fills one challenge with many seats by the best scores and reports seats left', () => {
    const problem: MatchingProblem = {
      participants: ['a', 'b', 'c', 'd'],
      challenges: [{ id: 'big', seats: 3 }],
      scores: matrix([[0.2], [0.9], [0.5], [0.7]]),
    };
    const run = solveMatching(problem, optimal);
    expect(run.pairs.map((pair) => pair.participant)).toEqual(['b', 'c', 'd']);
    expect(run.unmatched).toEqual(['a']);
    expect(run.seatsLeft).toBe(0);
  });

  it('matches zero-score allowed pairs because more pairs break ties', () => {
    const problem: MatchingProblem = {
      participants: ['a', 'b'],
      challenges: [{ id: 'c', seats: 5 }],
      scores: matrix([[0], [null]]),
    };
    const run = solveMatching(problem, optimal);
    expect(run).toMatchObject({ total: 0, minScore: 0, matched: 1, unmatched: ['b'], seatsLeft: 4 });
  });

  it('keeps pins even when they cost total score, and counts no blocking pair through a pinned participant', () => {
    const problem: MatchingProblem = {
      participants: ['a', 'b'],
      challenges: [{ id: 'x', seats: 1 }, { id: 'y', seats: 1 }],
      scores: matrix([
        [0.9, 0.1],
        [0.2, 0.3],
      ]),
      pins: [['a', 'y']],
    };
    for (const options of [optimal, ...stableOptions]) {
      const run = solveMatching(problem, options);
      expect(run.pairs).toEqual([
        { participant: 'a', challenge: 'y', score: 0.1, pinned: true },
        { participant: 'b', challenge: 'x', score: 0.2, pinned: false },
      ]);
      expect(run.blockingPairs).toBe(0);
    }
  });

  it('puts ranked partners before score order, and challenges may propose', () => {
    const problem: MatchingProblem = {
      participants: ['a', 'b'],
      challenges: [{ id: 'x', seats: 1 }, { id: 'y', seats: 1 }],
      scores: matrix([
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
      participantRanks: { a: ['y'], b: ['y'] },
      challengeRanks: { x: ['a'], y: ['a'] },
    };
    expect(solveMatching(problem, { algorithm: 'stable' }).pairs.map((pair) => pair.challenge)).toEqual(['y', 'x']);
    expect(
      solveMatching(problem, { algorithm: 'stable', proposing: 'challenges' }).pairs.map((pair) => pair.challenge),
    ).toEqual(['y', 'x']);
  });
});

describe('solveMatching edge cases', () => {
  const cases: [string, MatchingProblem, { matched: number; seatsLeft: number }][] = [
    ['no participants', { participants: [], challenges: [{ id: 'c', seats: 2 }], scores: new Int32Array(0) }, { matched: 0, seatsLeft: 2 }],
    ['no seats', { participants: ['a'], challenges: [{ id: 'c', seats: 0 }], scores: matrix([[1]]) }, { matched: 0, seatsLeft: 0 }],
    ['no challenges', { participants: ['a'], challenges: [], scores: new Int32Array(0) }, { matched: 0, seatsLeft: 0 }],
    [
      'all pairs forbidden',
      { participants: ['a'], challenges: [{ id: 'c', seats: 1 }], scores: matrix([[0.5]]), forbidden: [['a', 'c']] },
      { matched: 0, seatsLeft: 1 },
    ],
    [
      'more seats than people',
      { participants: ['a', 'b'], challenges: [{ id: 'c', seats: 3 }, { id: 'd', seats: 3 }], scores: matrix([[0.1, 0.2], [0.3, 0.4]]) },
      { matched: 2, seatsLeft: 4 },
    ],
  ];
  it.each(cases)('%s', (_name, problem, expected) => {
    for (const options of [optimal, ...stableOptions]) expect(solveMatching(problem, options)).toMatchObject(expected);
  });

  it('with equal scores everywhere fills every seat and breaks ties by input order', () => {
    const problem: MatchingProblem = {
      participants: ['a', 'b', 'c'],
      challenges: [{ id: 'x', seats: 1 }, { id: 'y', seats: 1 }],
      scores: matrix([
        [0.5, 0.5],
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    };
    for (const options of [optimal, ...stableOptions]) {
      const run = solveMatching(problem, options);
      expect(run).toMatchObject({ matched: 2, total: 1, blockingPairs: 0 });
    }
    expect(solveMatching(problem, optimal).unmatched).toEqual(['c']);
  });
});

function permute(problem: MatchingProblem, seed: number): MatchingProblem {
  const random = seededRandom(seed);
  const m = problem.challenges.length;
  const participantOrder = shuffled(problem.participants.map((_, i) => i), random);
  const challengeOrder = shuffled(problem.challenges.map((_, i) => i), random);
  const scores = new Int32Array(problem.scores.length);
  participantOrder.forEach((p, row) => challengeOrder.forEach((c, column) => (scores[row * m + column] = problem.scores[p * m + c])));
  return {
    ...problem,
    participants: participantOrder.map((p) => problem.participants[p]),
    challenges: challengeOrder.map((c) => problem.challenges[c]),
    scores,
  };
}
