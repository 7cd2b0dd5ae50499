import { NOT_ALLOWED, SCORE_SCALE, transposeScores, type IndexedProblem } from './problem.js';

export const NO_MORE_PARTNERS = -1;
/** Most agents read only a few partners: these come from one selecting pass, without storing the whole list. */
const FIRST_BATCH_SIZE = 8;
const INSERTION_SORT_MAX = 16;

/**
 * One side's strict preferences, derived from ranks and scores: the partners an agent ranked, in its order,
 * then the other allowed partners by score (higher first), then by id. Each preference is a numeric key,
 * higher meaning preferred, so comparing two partners never needs a built list.
 */
export class PreferenceOrder {
  readonly partnerCount: number;
  private readonly rankedBase: number;
  /** Per partner: the low digits of its unranked key, higher for an earlier id. */
  private readonly tieBreak: Int32Array;
  private readonly partnerIdOrder: Int32Array;
  private readonly partnerAtIdOrder: Int32Array;
  private readonly ranks: readonly (Int32Array | undefined)[];
  private readonly rankPositions: (Int32Array | undefined)[];
  /** One row of scores per agent, so building a list reads memory in order: for challenges a transpose, made on first need. */
  private agentRows: Int32Array | undefined;

  constructor(
    private readonly problem: IndexedProblem,
    private readonly agentsAreParticipants: boolean,
  ) {
    const partnerIds = agentsAreParticipants ? problem.challengeIds : problem.participantIds;
    const ranks = agentsAreParticipants ? problem.participantRanks : problem.challengeRanks;
    this.ranks = ranks;
    this.partnerCount = partnerIds.length;
    // Unranked keys are score × partnerCount + id tie-break, so every ranked key lies above all of them.
    this.rankedBase = (this.partnerCount + 1) * (SCORE_SCALE + 1);
    this.partnerIdOrder = idOrder(partnerIds);
    this.tieBreak = this.partnerIdOrder.map((position) => this.partnerCount - 1 - position);
    this.partnerAtIdOrder = new Int32Array(this.partnerCount);
    this.partnerIdOrder.forEach((position, partner) => (this.partnerAtIdOrder[position] = partner));
    this.rankPositions = ranks.map((list) => {
      if (!list) return undefined;
      const positions = new Int32Array(this.partnerCount).fill(-1);
      list.forEach((partner, position) => (positions[partner] = position));
      return positions;
    });
  }

  score(agent: number, partner: number): number {
    const { scores, challengeCount } = this.problem;
    return this.agentsAreParticipants
      ? scores[agent * challengeCount + partner]
      : scores[partner * challengeCount + agent];
  }

  /** Higher is preferred; meaningful for allowed pairs only. */
  key(agent: number, partner: number): number {
    return this.keyWithScore(agent, partner, this.score(agent, partner));
  }

  /**
   * The key, given the pair's score: both sides share one score per pair, so a solver that has it from the other
   * side's list need not read the matrix again (a cache miss at random).
   */
  keyWithScore(agent: number, partner: number, score: number): number {
    const positions = this.rankPositions[agent];
    if (positions !== undefined && positions[partner] >= 0) return this.rankedBase + this.partnerCount - positions[partner];
    return this.unrankedKey(score, partner);
  }

  /** Whether the agent ranked partners; if not, every key of its is unrankedKey(score, partner). */
  hasRanks(agent: number): boolean {
    return this.rankPositions[agent] !== undefined;
  }

  /** Score first, then the id tie-break: below every ranked key. */
  unrankedKey(score: number, partner: number): number {
    return score * this.partnerCount + this.tieBreak[partner];
  }

  /** The agent's list of allowed partners, built only as far as it is read. */
  list(agent: number): PreferenceList {
    return new PreferenceList(this, agent, this.ranks[agent]);
  }

  /**
   * Writes the keys of the agent's allowed unranked partners below `below` into `into` (which must have room for
   * every partner) and returns how many; with `keep` > 0, keeps only the `keep` highest, in order, highest first.
   * One pass over the agent's row of scores.
   */
  unrankedKeys(agent: number, below: number, into: Float64Array, keep = 0): number {
    const { participantCount, challengeCount, scores } = this.problem;
    const { partnerCount } = this;
    const rows = (this.agentRows ??= this.agentsAreParticipants ? scores : transposeScores(scores, participantCount, challengeCount));
    const start = agent * partnerCount;
    const positions = this.rankPositions[agent];
    let count = 0;
    for (let partner = 0; partner < partnerCount; partner++) {
      const score = rows[start + partner];
      if (score === NOT_ALLOWED || (positions !== undefined && positions[partner] >= 0)) continue;
      const key = this.unrankedKey(score, partner);
      if (key >= below) continue;
      if (keep === 0) {
        into[count++] = key;
        continue;
      }
      if (count === keep && key <= into[keep - 1]) continue;
      let slot = count === keep ? keep - 1 : count++;
      for (; slot > 0 && into[slot - 1] < key; slot--) into[slot] = into[slot - 1];
      into[slot] = key;
    }
    return count;
  }

  /** The partner an unranked key belongs to: its low digits (base partnerCount) are the id tie-break. */
  partnerOfUnrankedKey(key: number): number {
    return this.partnerAtIdOrder[this.partnerCount - 1 - (key % this.partnerCount)];
  }

  /** The score in an unranked key: its high digits. */
  scoreOfUnrankedKey(key: number): number {
    return Math.floor(key / this.partnerCount);
  }
}

/**
 * Reads an agent's preference list lazily: ranked partners first, then the best FIRST_BATCH_SIZE unranked ones,
 * selected by one pass over the row (most agents read no further); then all the remaining keys, ordered by an
 * incremental quicksort that only partitions as far as the list is read: O(partners + read × log partners).
 */
export class PreferenceList {
  /** The score of the partner next() returned last. */
  score = NOT_ALLOWED;
  private rankedRead = 0;
  /** The first batch, sorted; later every remaining key, sorted up to sortedUntil. */
  private keys = new Float64Array(FIRST_BATCH_SIZE);
  /** -1 until the first batch is selected. */
  private length = -1;
  private read = 0;
  /** Everything before this position is in its final order. */
  private sortedUntil = 0;
  /** Positions of the pivots already in place beyond sortedUntil, nearest last; the list's length is the outermost. */
  private readonly pivots: number[] = [];
  private restLoaded = false;

  constructor(
    private readonly order: PreferenceOrder,
    private readonly agent: number,
    private readonly ranked: Int32Array | undefined,
  ) {}

  next(): number {
    const { order, agent, ranked } = this;
    while (ranked !== undefined && this.rankedRead < ranked.length) {
      const partner = ranked[this.rankedRead++];
      this.score = order.score(agent, partner);
      if (this.score !== NOT_ALLOWED) return partner;
    }
    if (this.length < 0) {
      this.length = this.sortedUntil = order.unrankedKeys(agent, Infinity, this.keys, FIRST_BATCH_SIZE);
      this.restLoaded = this.length < FIRST_BATCH_SIZE;
    }
    if (this.read === this.length) {
      if (this.restLoaded) return NO_MORE_PARTNERS;
      this.loadRest();
      if (this.length === 0) return NO_MORE_PARTNERS;
    }
    if (this.read === this.sortedUntil) this.sortFromRead();
    const key = this.keys[this.read++];
    this.score = order.scoreOfUnrankedKey(key);
    return order.partnerOfUnrankedKey(key);
  }

  /** Replaces the read first batch by every key below its last, still unsorted. */
  private loadRest(): void {
    const below = this.keys[this.length - 1];
    this.keys = new Float64Array(this.order.partnerCount);
    this.length = this.order.unrankedKeys(this.agent, below, this.keys);
    this.read = this.sortedUntil = 0;
    this.pivots.push(this.length);
    this.restLoaded = true;
  }

  /** Partitions the unsorted segment that starts at the read position until its head is in place (descending). */
  private sortFromRead(): void {
    const { keys, pivots, read } = this;
    for (;;) {
      const end = pivots[pivots.length - 1];
      if (end - read <= INSERTION_SORT_MAX) {
        insertionSortDescending(keys, read, end);
        pivots.pop();
        // The pivot at `end` (or the list's end) is already in place.
        this.sortedUntil = end + 1;
        return;
      }
      pivots.push(partitionDescending(keys, read, end));
    }
  }
}

function insertionSortDescending(keys: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const key = keys[i];
    let at = i;
    for (; at > from && keys[at - 1] < key; at--) keys[at] = keys[at - 1];
    keys[at] = key;
  }
}

/**
 * Branch-free Lomuto partition of keys[from, to) around the median of three (keys are unique); returns the pivot's
 * place.
 */
function partitionDescending(keys: Float64Array, from: number, to: number): number {
  const last = to - 1;
  const middle = (from + to) >>> 1;
  const [a, b, c] = [keys[from], keys[middle], keys[last]];
  const pivotAt = a > b === b > c ? middle : b > a === a > c ? from : last;
  const pivot = keys[pivotAt];
  keys[pivotAt] = keys[last];
  keys[last] = pivot;
  // Always swaps and advances `store` by a number rather than a branch: on keys in random order a branch would be
  // mispredicted half the time, which made this loop several times slower.
  let store = from;
  for (let i = from; i < last; i++) {
    const key = keys[i];
    keys[i] = keys[store];
    keys[store] = key;
    store += +(key > pivot);
  }
  keys[last] = keys[store];
  keys[store] = pivot;
  return store;
}

function idOrder(ids: readonly string[]): Int32Array {
  const order = new Int32Array(ids.length);
  const sorted = ids.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach(({ index }, position) => (order[index] = position));
  return order;
}
