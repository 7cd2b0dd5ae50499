import fc from 'fast-check';
import { NOT_ALLOWED, SCORE_SCALE, UNASSIGNED, indexProblem, type IdPair, type MatchingProblem } from '../problem.js';
import { seededRandom } from './seeded-random.js';

export { seededRandom };

/** Small random problems with ties, forbidden pairs, feasible pins and partial ranks, for property tests. */
export const smallProblem: fc.Arbitrary<MatchingProblem> = fc
  .record({
    participantCount: fc.integer({ min: 0, max: 6 }),
    challengeCount: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer(),
    coarseScores: fc.boolean(),
  })
  .map(({ participantCount, challengeCount, seed, coarseScores }) => {
    const random = seededRandom(seed);
    const participants = Array.from({ length: participantCount }, (_, i) => `p${i}`);
    const challenges = Array.from({ length: challengeCount }, (_, i) => ({ id: `c${i}`, seats: Math.floor(random() * 4) }));
    // Coarse scores make ties common, which is where tie-breaking bugs hide.
    const scores = Int32Array.from({ length: participantCount * challengeCount }, () =>
      random() < 0.2
        ? NOT_ALLOWED
        : coarseScores
          ? Math.floor(random() * 4) * (SCORE_SCALE / 4)
          : Math.floor(random() * (SCORE_SCALE + 1)),
    );
    const forbidden: IdPair[] = [];
    const pins: IdPair[] = [];
    const pinned = new Array<number>(challengeCount).fill(0);
    participants.forEach((participant, p) => {
      challenges.forEach((challenge) => {
        if (random() < 0.1) forbidden.push([participant, challenge.id]);
      });
      const c = Math.floor(random() * challengeCount);
      const allowed = challengeCount > 0 && scores[p * challengeCount + c] !== NOT_ALLOWED;
      const isForbidden = forbidden.some(([fp, fc_]) => fp === participant && fc_ === `c${c}`);
      if (allowed && !isForbidden && random() < 0.15 && pinned[c] < challenges[c].seats) {
        pinned[c]++;
        pins.push([participant, `c${c}`]);
      }
    });
    const participantRanks = Object.fromEntries(
      participants.filter(() => random() < 0.5).map((p) => [p, shuffled(challenges.map((c) => c.id), random).slice(0, 2)]),
    );
    const challengeRanks = Object.fromEntries(
      challenges.filter(() => random() < 0.5).map((c) => [c.id, shuffled(participants, random).slice(0, 3)]),
    );
    return { participants, challenges, scores, pins, forbidden, participantRanks, challengeRanks };
  });

/** The best (total, matched) over every feasible assignment, by enumeration. */
export function bruteForceOptimum(problem: MatchingProblem): { total: number; matched: number } {
  const indexed = indexProblem(problem);
  const { participantCount: n, challengeCount: m, scores, seats, pinnedChallenge } = indexed;
  const room = Int32Array.from(seats);
  let best = { total: -1, matched: -1 };
  const visit = (p: number, total: number, matched: number): void => {
    if (p === n) {
      if (total > best.total || (total === best.total && matched > best.matched)) best = { total, matched };
      return;
    }
    const pinned = pinnedChallenge[p];
    if (pinned === UNASSIGNED) visit(p + 1, total, matched);
    for (let c = 0; c < m; c++) {
      const score = scores[p * m + c];
      if (score === NOT_ALLOWED || room[c] === 0 || (pinned !== UNASSIGNED && pinned !== c)) continue;
      room[c]--;
      visit(p + 1, total + score, matched + 1);
      room[c]++;
    }
  };
  visit(0, 0, 0);
  return { total: best.total / SCORE_SCALE, matched: best.matched };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
