import { SCORE_SCALE, type MatchingProblem } from './problem.js';
import { solveMatching } from './run.js';
import { seededRandom } from './testing/seeded-random.js';

describe('stable matching with long preference lists (a first batch, then an incremental quicksort)', () => {
  it('lets a participant read its whole list down to the only challenge with a seat', () => {
    const challenges = Array.from({ length: 200 }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, seats: i === 137 ? 1 : 0 }));
    const problem: MatchingProblem = {
      participants: ['p'],
      challenges,
      scores: Int32Array.from(challenges, (_, i) => (i === 137 ? 0 : SCORE_SCALE - i)),
    };
    expect(solveMatching(problem, { algorithm: 'stable' }).pairs).toEqual([
      { participant: 'p', challenge: 'c137', score: 0, pinned: false },
    ]);
  });

  it('lets a challenge with many seats take the best participants by score, then by id', () => {
    const participants = Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const problem: MatchingProblem = {
      participants,
      challenges: [{ id: 'big', seats: 150 }],
      // Pairs of equal scores, so the id tie-break decides at the boundary.
      scores: Int32Array.from(participants, (_, i) => Math.floor(i / 2) * 1000),
    };
    const run = solveMatching(problem, { algorithm: 'stable', proposing: 'challenges' });
    expect(run.pairs.map((pair) => pair.participant)).toEqual(participants.slice(150));
    expect(run.blockingPairs).toBe(0);
  });

  it('has no blocking pair on larger random instances, either side proposing', () => {
    const random = seededRandom(7);
    const [n, m] = [200, 150];
    const problem: MatchingProblem = {
      participants: Array.from({ length: n }, (_, i) => `p${i}`),
      challenges: Array.from({ length: m }, (_, i) => ({ id: `c${i}`, seats: Math.floor(random() * 3) })),
      scores: Int32Array.from({ length: n * m }, (_, at) => Math.round((0.6 * ((at % m) / m) + 0.4 * random()) * SCORE_SCALE)),
    };
    for (const proposing of ['participants', 'challenges'] as const) {
      expect(solveMatching(problem, { algorithm: 'stable', proposing }).blockingPairs).toBe(0);
    }
  });
});
