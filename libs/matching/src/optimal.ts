import { auctionPrices } from './auction.js';
import { NOT_ALLOWED, UNASSIGNED, transposeScores, type IndexedProblem } from './problem.js';

/** The "stay unmatched" column: unlimited room, price 0, weight 0 for everyone. */
const NONE_COLUMN = -2;
const DEFAULT_CANDIDATE_COUNT = 8;
/** Below this many participants a cold start is cheap enough; above it, prices from a sample warm-start the solve. */
const DEFAULT_WARM_START_FROM = 600;
const SAMPLE_EVERY = 4;

export interface OptimalOptions {
  /** How many best-scoring challenges each participant starts with; others join only when the duals ask for them. */
  candidateCount?: number;
  /** From how many participants prices from a sample warm-start the solve. */
  warmStartFrom?: number;
}

/**
 * Maximum total score under the hard rules, then the most pairs; pins fixed first.
 *
 * Transportation problem on the compact participants × challenges graph, solved by successive shortest paths
 * (Dijkstra over challenge nodes, prices as potentials). Each pair's weight is score × (participants + 1) + 1, so the
 * total score dominates and the number of pairs breaks ties. Participants enter in input order and see only a short
 * candidate list; at the end the duals are checked against every allowed pair and any violating pair is added and its
 * participant re-inserted, so the result carries an optimality certificate over the whole graph.
 * Ties among assignments that are equal in total and size go to whatever this deterministic order finds first.
 */
export function optimalAssignment(problem: IndexedProblem, options: OptimalOptions = {}): Int32Array {
  const assignment = Int32Array.from(problem.pinnedChallenge);
  const capacity = Int32Array.from(problem.seats);
  const free: number[] = [];
  assignment.forEach((challenge, participant) => {
    if (challenge === UNASSIGNED) free.push(participant);
    else capacity[challenge]--;
  });
  const solver = new TransportationSolver(problem, capacity, free, options.candidateCount ?? DEFAULT_CANDIDATE_COUNT);
  const warmStartFrom = options.warmStartFrom ?? DEFAULT_WARM_START_FROM;
  solver.solve(free.length >= warmStartFrom ? samplePrices(problem, capacity, free, warmStartFrom) : undefined);
  for (const participant of free) {
    const column = solver.columnOf[participant];
    assignment[participant] = column === NONE_COLUMN ? UNASSIGNED : column;
  }
  return assignment;
}

/**
 * Prices guessed from the optimum of every SAMPLE_EVERY-th participant with a matching share of the seats, rescaled
 * to the full weights. Any non-negative prices are a valid start; good ones leave few and short augmenting paths.
 */
function samplePrices(
  problem: IndexedProblem,
  capacity: Int32Array,
  free: readonly number[],
  warmStartFrom: number,
): Float64Array {
  const sample = free.filter((_, i) => i % SAMPLE_EVERY === 0);
  const m = problem.challengeCount;
  const scores = new Int32Array(sample.length * m);
  sample.forEach((participant, row) => scores.set(problem.scores.subarray(participant * m, (participant + 1) * m), row * m));
  // Rounding the running total keeps the sample's seats-to-people ratio that of the whole.
  let seatsSoFar = 0;
  const sampleCapacity = Int32Array.from(capacity, (seats) => {
    const before = Math.round(seatsSoFar / SAMPLE_EVERY);
    seatsSoFar += seats;
    return Math.round(seatsSoFar / SAMPLE_EVERY) - before;
  });
  const sampleProblem: IndexedProblem = {
    ...problem,
    participantIds: sample.map((participant) => problem.participantIds[participant]),
    participantCount: sample.length,
    scores,
    seats: sampleCapacity,
    pinnedChallenge: new Int32Array(sample.length).fill(UNASSIGNED),
  };
  const rows = sample.map((_, row) => row);
  const solver = new TransportationSolver(sampleProblem, sampleCapacity, rows, DEFAULT_CANDIDATE_COUNT);
  // Solved exactly, repair included: a challenge with room then has price 0 in the guess too, which spares the full
  // solve most of its (costly) reverse repairs when seats and people differ. The smallest sample starts from auction
  // prices instead of zero and ends at its least prices, which are what a cold solve ends at, so every level above
  // gets the same guess as before, only sooner.
  if (sample.length >= warmStartFrom) {
    solver.solve(samplePrices(sampleProblem, sampleCapacity, rows, warmStartFrom));
  } else {
    solver.solve(auctionPrices(scores, m, rows, sampleCapacity, rows.length + 1, rows.length + 1));
    solver.lowerToLeastPrices();
  }
  return solver.prices((free.length + 1) / (sample.length + 1));
}

class TransportationSolver {
  readonly columnOf: Int32Array;
  private readonly n: number;
  private readonly m: number;
  private readonly scores: Int32Array;
  private readonly weightScale: number;
  private readonly price: Float64Array;
  private readonly memberStart: Int32Array;
  private readonly memberCount: Int32Array;
  private readonly members: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly candidates: Int32Array[];
  private readonly candidateLength: Int32Array;
  private readonly distance: Float64Array;
  private readonly predecessor: Int32Array;
  private readonly reachedIn: Int32Array;
  /** Column-major scores for reverse searches, which scan a challenge's column; made on first need. */
  private scoresByColumn: Int32Array | undefined;
  /** In a reverse search: the challenge the predecessor of a challenge would move into. */
  private readonly pulledInto: Int32Array;
  private readonly settledIn: Int32Array;
  /** In a reverse search: each participant's profit where it sits, as the search starts. */
  private readonly profits: Float64Array;
  private readonly heap = new ColumnHeap();
  private search = 0;
  private readonly candidateCount: number;

  constructor(
    problem: IndexedProblem,
    private readonly capacity: Int32Array,
    private readonly participants: readonly number[],
    candidateCount: number,
  ) {
    this.n = problem.participantCount;
    this.m = problem.challengeCount;
    this.scores = problem.scores;
    this.weightScale = participants.length + 1;
    this.price = new Float64Array(this.m);
    this.memberStart = new Int32Array(this.m + 1);
    for (let c = 0; c < this.m; c++) this.memberStart[c + 1] = this.memberStart[c] + Math.max(0, capacity[c]);
    this.memberCount = new Int32Array(this.m);
    this.members = new Int32Array(this.memberStart[this.m]);
    this.columnOf = new Int32Array(this.n).fill(UNASSIGNED);
    this.slotOf = new Int32Array(this.n);
    this.candidates = new Array<Int32Array>(this.n);
    this.candidateLength = new Int32Array(this.n);
    this.distance = new Float64Array(this.m);
    this.predecessor = new Int32Array(this.m);
    this.reachedIn = new Int32Array(this.m);
    this.pulledInto = new Int32Array(this.m);
    this.settledIn = new Int32Array(this.m);
    this.profits = new Float64Array(this.n);
    this.candidateCount = candidateCount;
  }

  /**
   * Rounds of solving on the candidate graph until the duals hold on every allowed pair; each round starts afresh.
   * Started from guessed prices, a challenge may end with a free seat at a positive price, which optimality forbids;
   * each such challenge then pulls a participant in or drops its price to 0 (a reverse shortest path), after which
   * the duals are checked once more.
   */
  solve(startPrices?: Float64Array): void {
    let start = startPrices ?? new Float64Array(this.m);
    for (const participant of this.participants) this.initCandidates(participant, start);
    for (;;) {
      do {
        this.price.set(start);
        this.memberCount.fill(0);
        for (const participant of this.participants) this.insert(participant);
      } while (this.extendCandidatesWhereDualsFail() > 0);
      for (let c = 0; c < this.m; c++) {
        while (this.price[c] > 0 && this.memberCount[c] < this.capacity[c]) this.fillOrCheapen(c);
      }
      if (this.extendCandidatesWhereDualsFail() === 0) return;
      start = this.price.slice();
    }
  }

  /**
   * Lowers the prices to the least ones that still certify the assignment (the minimum of the lattice of dual
   * solutions for it), as a cold solve would end with: every other price is what a Dijkstra over challenges finds,
   * with distance = how far a price sits above its least value; moving a member p from its challenge c' to c costs
   * its profit minus its value at c (never negative, as the duals hold), and a challenge starts at its price minus
   * the most an unmatched participant would pay for it (or 0).
   */
  lowerToLeastPrices(): void {
    const { price, distance, settledIn, heap, columnOf, scores, m, weightScale } = this;
    const search = ++this.search;
    heap.clear();
    distance.set(price);
    for (const participant of this.participants) {
      if (columnOf[participant] !== NONE_COLUMN) continue;
      const row = participant * m;
      for (let c = 0; c < m; c++) {
        if (scores[row + c] !== NOT_ALLOWED) distance[c] = Math.min(distance[c], price[c] - this.weight(participant, c));
      }
    }
    for (let c = 0; c < m; c++) heap.push(distance[c], c);
    for (;;) {
      const column = heap.pop(distance);
      if (column < 0) break;
      if (settledIn[column] === search) continue;
      settledIn[column] = search;
      const columnDistance = distance[column];
      for (let slot = this.memberStart[column]; slot < this.memberStart[column] + this.memberCount[column]; slot++) {
        const member = this.members[slot];
        const base = columnDistance + this.weight(member, column) - price[column];
        const row = member * m;
        for (let c = 0; c < m; c++) {
          if (settledIn[c] === search || scores[row + c] === NOT_ALLOWED) continue;
          const reached = base - (scores[row + c] * weightScale + 1 - price[c]);
          if (reached < distance[c]) {
            distance[c] = reached;
            heap.push(reached, c);
          }
        }
      }
    }
    for (let c = 0; c < m; c++) price[c] -= distance[c];
  }

  /** Current prices, scaled to another weight scale; rounded, as integer prices keep every distance exact. */
  prices(scale: number): Float64Array {
    return this.price.map((price) => Math.round(price * scale));
  }

  /**
   * The mirror image of insert, for a challenge with room at a positive price: the cheapest way (in price it must
   * drop) to pull a participant in along a chain of moves, ending with someone leaving "unmatched" or with a
   * challenge on the chain dropping to price 0. Every allowed pair is scanned, so the duals stay feasible everywhere.
   */
  private fillOrCheapen(room: number): void {
    const { price, distance, predecessor, reachedIn, settledIn, heap, pulledInto, participants, columnOf, weightScale } = this;
    const byColumn = (this.scoresByColumn ??= transposeScores(this.scores, this.n, this.m));
    const profits = this.profits;
    for (const participant of participants) profits[participant] = this.profit(participant);
    const search = ++this.search;
    heap.clear();
    reachedIn[room] = search;
    distance[room] = 0;
    heap.push(0, room);
    let best = Infinity;
    let bestColumn = room;
    let fromNone = -1;
    const settled: number[] = [];
    for (;;) {
      const column = heap.pop(distance);
      if (column < 0 || distance[column] >= best) break;
      if (settledIn[column] === search) continue;
      settledIn[column] = search;
      settled.push(column);
      const columnDistance = distance[column];
      if (columnDistance + price[column] < best) {
        best = columnDistance + price[column];
        bestColumn = column;
        fromNone = -1;
      }
      const columnStart = column * this.n;
      // pulled = columnDistance + profit − (weight − price), with the participant-independent part taken out.
      const pulledBase = columnDistance + price[column] - 1;
      for (const participant of participants) {
        const from = columnOf[participant];
        // Settled challenges (this one included) already have their final distance.
        if (from !== NONE_COLUMN && settledIn[from] === search) continue;
        const score = byColumn[columnStart + participant];
        if (score === NOT_ALLOWED) continue;
        const pulled = pulledBase + profits[participant] - score * weightScale;
        if (from === NONE_COLUMN) {
          if (pulled < best) {
            best = pulled;
            bestColumn = column;
            fromNone = participant;
          }
        } else if (reachedIn[from] !== search || pulled < distance[from]) {
          reachedIn[from] = search;
          distance[from] = pulled;
          predecessor[from] = participant;
          pulledInto[from] = column;
          heap.push(pulled, from);
        }
      }
    }
    for (const column of settled) price[column] -= best - distance[column];
    const moves: [participant: number, column: number][] = fromNone >= 0 ? [[fromNone, bestColumn]] : [];
    for (let column = bestColumn; column !== room; column = pulledInto[column]) {
      moves.push([predecessor[column], pulledInto[column]]);
    }
    for (const [participant] of moves) this.detach(participant);
    for (const [participant, column] of moves) {
      this.attach(participant, column);
      this.addCandidate(participant, column);
    }
  }

  private detach(participant: number): void {
    const column = this.columnOf[participant];
    this.columnOf[participant] = UNASSIGNED;
    if (column === NONE_COLUMN) return;
    const lastSlot = this.memberStart[column] + --this.memberCount[column];
    const moved = this.members[lastSlot];
    this.members[this.slotOf[participant]] = moved;
    this.slotOf[moved] = this.slotOf[participant];
  }

  private attach(participant: number, column: number): void {
    const slot = this.memberStart[column] + this.memberCount[column]++;
    this.members[slot] = participant;
    this.slotOf[participant] = slot;
    this.columnOf[participant] = column;
  }

  private weight(participant: number, column: number): number {
    return this.scores[participant * this.m + column] * this.weightScale + 1;
  }

  private profit(participant: number): number {
    const column = this.columnOf[participant];
    return column === NONE_COLUMN ? 0 : this.weight(participant, column) - this.price[column];
  }

  /** The allowed challenges of a participant with the best profit at the given prices, ties to the lower index. */
  private initCandidates(participant: number, prices: Float64Array): void {
    const list = new Int32Array(Math.max(this.candidateCount, 1));
    const weights = new Float64Array(list.length);
    let length = 0;
    const row = participant * this.m;
    for (let c = 0; c < this.m; c++) {
      if (this.scores[row + c] === NOT_ALLOWED) continue;
      const score = this.weight(participant, c) - prices[c];
      if (length === list.length && score <= weights[length - 1]) continue;
      let at = length === list.length ? length - 1 : length++;
      while (at > 0 && weights[at - 1] < score) {
        weights[at] = weights[at - 1];
        list[at] = list[at - 1];
        at--;
      }
      weights[at] = score;
      list[at] = c;
    }
    this.candidates[participant] = list;
    this.candidateLength[participant] = length;
  }

  private addCandidate(participant: number, column: number): void {
    let list = this.candidates[participant];
    const length = this.candidateLength[participant];
    for (let i = 0; i < length; i++) if (list[i] === column) return;
    if (length === list.length) {
      list = new Int32Array(length * 2);
      list.set(this.candidates[participant]);
      this.candidates[participant] = list;
    }
    list[length] = column;
    this.candidateLength[participant] = length + 1;
  }

  /**
   * One successive-shortest-path step: the cheapest chain of moves (in lost profit) that makes room for the entering
   * participant, ending in a challenge with a free seat or in someone leaving for "unmatched". Prices of the
   * challenges settled on the way rise so every placed participant keeps a most profitable candidate.
   */
  private insert(entering: number): void {
    const { price, distance, predecessor, settledIn, heap } = this;
    const search = ++this.search;
    heap.clear();
    let bestProfit = 0;
    const entryList = this.candidates[entering];
    const entryLength = this.candidateLength[entering];
    for (let i = 0; i < entryLength; i++) {
      const c = entryList[i];
      bestProfit = Math.max(bestProfit, this.weight(entering, c) - price[c]);
    }
    let noneDistance = bestProfit;
    let noneVia = entering;
    for (let i = 0; i < entryLength; i++) {
      const c = entryList[i];
      this.relax(c, bestProfit - (this.weight(entering, c) - price[c]), entering, search);
    }

    let end = NONE_COLUMN;
    let endDistance: number;
    const settled: number[] = [];
    for (;;) {
      const column = heap.pop(distance);
      if (column < 0 || distance[column] > noneDistance) {
        endDistance = noneDistance;
        break;
      }
      if (settledIn[column] === search) continue;
      settledIn[column] = search;
      settled.push(column);
      const columnDistance = distance[column];
      if (this.memberCount[column] < this.capacity[column]) {
        end = column;
        endDistance = columnDistance;
        break;
      }
      const start = this.memberStart[column];
      const stop = start + this.memberCount[column];
      for (let slot = start; slot < stop; slot++) {
        const member = this.members[slot];
        const memberProfit = this.weight(member, column) - price[column];
        if (columnDistance + memberProfit < noneDistance) {
          noneDistance = columnDistance + memberProfit;
          noneVia = member;
        }
        const list = this.candidates[member];
        const length = this.candidateLength[member];
        for (let i = 0; i < length; i++) {
          const next = list[i];
          if (next === column || settledIn[next] === search) continue;
          this.relax(next, columnDistance + memberProfit - (this.weight(member, next) - price[next]), member, search);
        }
      }
    }

    for (const column of settled) price[column] += endDistance - distance[column];
    this.augment(entering, end, end === NONE_COLUMN ? noneVia : predecessor[end]);
  }

  private relax(column: number, candidateDistance: number, via: number, search: number): void {
    if (this.reachedIn[column] === search && candidateDistance >= this.distance[column]) return;
    this.reachedIn[column] = search;
    this.distance[column] = candidateDistance;
    this.predecessor[column] = via;
    this.heap.push(candidateDistance, column);
  }

  /** Moves each participant on the path one step: the last one into the end column, each earlier one into the seat its successor left. */
  private augment(entering: number, end: number, last: number): void {
    let mover = last;
    let target = end;
    let targetSlot = end === NONE_COLUMN ? -1 : this.memberStart[end] + this.memberCount[end]++;
    for (;;) {
      const from = this.columnOf[mover];
      const vacated = this.slotOf[mover];
      this.columnOf[mover] = target;
      if (targetSlot >= 0) {
        this.members[targetSlot] = mover;
        this.slotOf[mover] = targetSlot;
      }
      if (mover === entering) return;
      target = from;
      targetSlot = vacated;
      mover = this.predecessor[from];
    }
  }

  /** The dual check over every allowed pair; a participant who would profit more elsewhere gets those challenges as candidates. */
  private extendCandidatesWhereDualsFail(): number {
    let violators = 0;
    for (const participant of this.participants) {
      const profit = this.profit(participant);
      const row = participant * this.m;
      let violated = false;
      for (let c = 0; c < this.m; c++) {
        if (this.scores[row + c] === NOT_ALLOWED || this.weight(participant, c) - this.price[c] <= profit) continue;
        this.addCandidate(participant, c);
        violated = true;
      }
      if (violated) violators++;
    }
    return violators;
  }
}

/** A binary min-heap of (distance, column) with lazy deletion; ties go to the lower column index. */
class ColumnHeap {
  private keys = new Float64Array(64);
  private columns = new Int32Array(64);
  private size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, column: number): void {
    if (this.size === this.keys.length) this.grow();
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(key, column, this.keys[parent], this.columns[parent])) break;
      this.keys[at] = this.keys[parent];
      this.columns[at] = this.columns[parent];
      at = parent;
    }
    this.keys[at] = key;
    this.columns[at] = column;
  }

  /** The column of the smallest entry still current (its key equals the column's distance), or -1. */
  pop(distance: Float64Array): number {
    while (this.size > 0) {
      const key = this.keys[0];
      const column = this.columns[0];
      this.removeTop();
      if (key === distance[column]) return column;
    }
    return -1;
  }

  private removeTop(): void {
    const size = --this.size;
    const key = this.keys[size];
    const column = this.columns[size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(this.keys[child + 1], this.columns[child + 1], this.keys[child], this.columns[child])) child++;
      if (!this.before(this.keys[child], this.columns[child], key, column)) break;
      this.keys[at] = this.keys[child];
      this.columns[at] = this.columns[child];
      at = child;
    }
    this.keys[at] = key;
    this.columns[at] = column;
  }

  private before(key: number, column: number, otherKey: number, otherColumn: number): boolean {
    return key < otherKey || (key === otherKey && column < otherColumn);
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const columns = new Int32Array(this.columns.length * 2);
    columns.set(this.columns);
    this.keys = keys;
    this.columns = columns;
  }
}
