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
  const leastWantedUnpinned = new Float64Array(challengeCount).fill(Infinity);
  for (let p = 0; p < participantCount; p++) {
    const c = assignment[p];
    if (c === UNASSIGNED) continue;
    freeSeats[c]--;
    if (pinnedChallenge[p] === UNASSIGNED) {
      leastWantedUnpinned[c] = Math.min(leastWantedUnpinned[c], challengeOrder.key(c, p));
    }
  }
  let blocking = 0;
  for (let p = 0; p < participantCount; p++) {
    if (pinnedChallenge[p] !== UNASSIGNED) continue;
    const partner = assignment[p];
    const partnerKey = partner === UNASSIGNED ? -Infinity : participantOrder.key(p, partner);
    const row = p * challengeCount;
    for (let c = 0; c < challengeCount; c++) {
      if (c === partner || scores[row + c] === NOT_ALLOWED || participantOrder.key(p, c) <= partnerKey) continue;
      if (freeSeats[c] > 0 || challengeOrder.key(c, p) > leastWantedUnpinned[c]) blocking++;
    }
  }
  return blocking;
}
