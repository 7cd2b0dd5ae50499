import { PreferenceOrder } from './preferences.js';
import { NOT_ALLOWED, UNASSIGNED, type IndexedProblem } from './problem.js';

/**
 * Counts blocking pairs of any assignment: allowed pairs (p, c), not matched together, p not pinned, where p prefers c
 * to its partner (or has none) and c has a free seat or prefers p to one of its unpinned participants.
 * Independent of how the assignment was found, so it measures what any algorithm gives up in stability.
 */
export function countBlockingPairsIndexed(problem: IndexedProblem, assignment: Int32Array): number {
  const { participantCount, challengeCount, scores, seats, pinnedChallenge } = problem;
  const participantOrder = new PreferenceOrder(problem, true);
  const challengeOrder = new PreferenceOrder(problem, false);
  const freeSeats = Int32Array.from(seats);
  // The key a participant must exceed to be wanted by each challenge: any with a free seat, else the least wanted of
  // its unpinned participants (none: nobody). One comparison per cell instead of a seat check and a comparison.
  const keyToBeat = new Float64Array(challengeCount).fill(Infinity);
  for (let p = 0; p < participantCount; p++) {
    const c = assignment[p];
    if (c === UNASSIGNED) continue;
    freeSeats[c]--;
    if (pinnedChallenge[p] === UNASSIGNED) keyToBeat[c] = Math.min(keyToBeat[c], challengeOrder.key(c, p));
  }
  for (let c = 0; c < challengeCount; c++) if (freeSeats[c] > 0) keyToBeat[c] = -Infinity;
  let blocking = 0;
  for (let p = 0; p < participantCount; p++) {
    if (pinnedChallenge[p] !== UNASSIGNED) continue;
    const partner = assignment[p];
    const partnerKey = partner === UNASSIGNED ? -Infinity : participantOrder.key(p, partner);
    const row = p * challengeCount;
    // Without ranks, every key is score and tie-break: computed directly, not through a rank lookup per cell.
    const ranks = participantOrder.hasRanks(p);
    for (let c = 0; c < challengeCount; c++) {
      const score = scores[row + c];
      if (c === partner || score === NOT_ALLOWED) continue;
      const key = ranks ? participantOrder.keyWithScore(p, c, score) : participantOrder.unrankedKey(score, c);
      if (key <= partnerKey) continue;
      if (challengeOrder.keyWithScore(c, p, score) > keyToBeat[c]) blocking++;
    }
  }
  return blocking;
}
