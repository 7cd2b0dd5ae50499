import { NOT_ALLOWED, type MatchingProblem } from '@samverka/matching';

/**
 * The comparison: the textbook O(n² · columns) Hungarian algorithm on the seat-expanded matrix (one column per seat,
 * plus one "unmatched" column per participant), with the same weights as the engine (score × (n + 1) + 1) so the
 * optima coincide. Returns the total score (scaled integers).
 */
export function hungarianSeatExpandedTotal(problem: MatchingProblem): number {
  const n = problem.participants.length;
  const m = problem.challenges.length;
  const seatChallenge = problem.challenges.flatMap((challenge, c) => new Array<number>(challenge.seats).fill(c));
  const columns = seatChallenge.length + n;
  const weightScale = n + 1;
  const cost = (participant: number, column: number): number => {
    if (column >= seatChallenge.length) return 0;
    const score = problem.scores[participant * m + seatChallenge[column]];
    return score === NOT_ALLOWED ? 0 : -(score * weightScale + 1);
  };
  // 1-based, row 0 and column 0 are sentinels, as in the classic formulation.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(columns + 1);
  const rowOf = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  const minimum = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  for (let row = 1; row <= n; row++) {
    rowOf[0] = row;
    let column = 0;
    minimum.fill(Infinity);
    used.fill(0);
    do {
      used[column] = 1;
      const current = rowOf[column];
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const reduced = cost(current - 1, j - 1) - u[current] - v[j];
        if (reduced < minimum[j]) {
          minimum[j] = reduced;
          way[j] = column;
        }
        if (minimum[j] < delta) {
          delta = minimum[j];
          next = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minimum[j] -= delta;
      }
      column = next;
    } while (rowOf[column] !== 0);
    do {
      const previous = way[column];
      rowOf[column] = rowOf[previous];
      column = previous;
    } while (column !== 0);
  }
  let total = 0;
  for (let j = 1; j <= seatChallenge.length; j++) {
    const score = problem.scores[(rowOf[j] - 1) * m + seatChallenge[j - 1]];
    if (rowOf[j] !== 0 && score !== NOT_ALLOWED) total += score;
  }
  return total;
}
