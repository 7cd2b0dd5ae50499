import fc from 'fast-check';
import { optimalAssignment, type OptimalOptions } from './optimal.js';
import { SCORE_SCALE, UNASSIGNED, indexProblem, type MatchingProblem } from './problem.js';
import { bruteForceOptimum, seededRandom, smallProblem } from './testing/problems.js';

function totalOf(problem: MatchingProblem, options: OptimalOptions): number {
  const indexed = indexProblem(problem);
  const assignment = optimalAssignment(indexed, options);
  let total = 0;
  assignment.forEach((c, p) => {
    if (c !== UNASSIGNED) total += indexed.scores[p * indexed.challengeCount + c];
  });
  return total / SCORE_SCALE;
}

describe('optimalAssignment', () => {
  it('stays exact when every candidate list starts with a single challenge and must grow', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        expect(totalOf(problem, { candidateCount: 1 })).toBeCloseTo(bruteForceOptimum(problem).total, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact when warm-started from sampled prices, even where those prices are wrong', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        expect(totalOf(problem, { candidateCount: 2, warmStartFrom: 2 })).toBeCloseTo(bruteForceOptimum(problem).total, 9);
      }),
      { numRuns: 400 },
    );
  });

  it('stays exact when everyone wants the same challenges', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const [n, m] = [7, 6];
      const problem: MatchingProblem = {
        participants: Array.from({ length: n }, (_, i) => `p${i}`),
        challenges: Array.from({ length: m }, (_, i) => ({ id: `c${i}`, seats: 1 + Math.floor(random() * 2) })),
        // A common attractiveness per challenge: the true optimum lies outside everyone's first candidates.
        scores: Int32Array.from({ length: n * m }, (_, at) => Math.round((((at % m) / m) * 0.7 + random() * 0.3) * SCORE_SCALE)),
      };
      expect(totalOf(problem, { candidateCount: 2 })).toBeCloseTo(bruteForceOptimum(problem).total, 9);
    }
  });
});
