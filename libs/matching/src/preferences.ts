import { NOT_ALLOWED, SCORE_SCALE, type IndexedProblem } from './problem.js';

export const NO_MORE_PARTNERS = -1;
const FIRST_BATCH_SIZE = 8;
/** An agent that has read this far will likely read much more: the rest of its list is sorted in one go. */
const SORT_REST_FROM = 64;

/**
 * One side's strict preferences, derived from ranks and scores: the partners an agent ranked, in its order,
 * then the other allowed partners by score (higher first), then by id. Each preference is a numeric key,
 * higher meaning preferred, so comparing two partners never needs a built list.
 */
export class PreferenceOrder {
  private readonly partnerCount: number;
  private readonly rankedBase: number;
  private readonly partnerIdOrder: Int32Array;
  private readonly partnerAtIdOrder: Int32Array;
  private readonly ranks: readonly (Int32Array | undefined)[];
  private readonly rankPositions: (Int32Array | undefined)[];

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

  isRanked(agent: number, partner: number): boolean {
    const positions = this.rankPositions[agent];
    return positions !== undefined && positions[partner] >= 0;
  }

  /** Higher is preferred; meaningful for allowed pairs only. */
  key(agent: number, partner: number): number {
    const positions = this.rankPositions[agent];
    if (positions !== undefined && positions[partner] >= 0) return this.rankedBase + this.partnerCount - positions[partner];
    return this.unrankedKey(agent, partner);
  }

  /** The agent's list of allowed partners, built only as far as it is read. */
  list(agent: number): PreferenceList {
    return new PreferenceList(this, agent, this.ranks[agent], this.partnerCount);
  }

  unrankedKey(agent: number, partner: number): number {
    return this.score(agent, partner) * this.partnerCount + (this.partnerCount - 1 - this.partnerIdOrder[partner]);
  }

  /** The partner an unranked key belongs to: its low digits (base partnerCount) are the id tie-break. */
  partnerOfUnrankedKey(key: number): number {
    return this.partnerAtIdOrder[this.partnerCount - 1 - (key % this.partnerCount)];
  }
}

/**
 * Reads an agent's preference list lazily: ranked partners first, then the unranked ones in batches selected by one
 * pass over the row each, the batch size doubling so a long list costs O(partners × log(read)) rather than a sort.
 */
export class PreferenceList {
  private rankedRead = 0;
  private batch: number[] = [];
  private batchRead = 0;
  private batchSize = FIRST_BATCH_SIZE;
  private lastKey = Infinity;
  private exhausted = false;

  constructor(
    private readonly order: PreferenceOrder,
    private readonly agent: number,
    private readonly ranked: Int32Array | undefined,
    private readonly partnerCount: number,
  ) {}

  next(): number {
    const { order, agent, ranked } = this;
    while (ranked !== undefined && this.rankedRead < ranked.length) {
      const partner = ranked[this.rankedRead++];
      if (order.score(agent, partner) !== NOT_ALLOWED) return partner;
    }
    if (this.batchRead === this.batch.length) this.readBatch();
    return this.batchRead < this.batch.length ? this.batch[this.batchRead++] : NO_MORE_PARTNERS;
  }

  private readBatch(): void {
    if (this.exhausted) return;
    if (this.batchSize >= SORT_REST_FROM) {
      this.readRest();
      return;
    }
    const { order, agent, batchSize, lastKey } = this;
    const keys: number[] = [];
    const partners: number[] = [];
    for (let partner = 0; partner < this.partnerCount; partner++) {
      if (order.score(agent, partner) === NOT_ALLOWED || order.isRanked(agent, partner)) continue;
      const key = order.unrankedKey(agent, partner);
      if (key >= lastKey || (keys.length === batchSize && key <= keys[batchSize - 1])) continue;
      let at = keys.length === batchSize ? batchSize - 1 : keys.length;
      while (at > 0 && keys[at - 1] < key) {
        keys[at] = keys[at - 1];
        partners[at] = partners[at - 1];
        at--;
      }
      keys[at] = key;
      partners[at] = partner;
    }
    this.exhausted = keys.length < batchSize;
    this.batch = partners;
    this.batchRead = 0;
    this.lastKey = keys.length > 0 ? keys[keys.length - 1] : lastKey;
    this.batchSize *= 2;
  }

  /** All remaining unranked partners, sorted by key as plain numbers (keys are unique and encode the partner). */
  private readRest(): void {
    const { order, agent, lastKey } = this;
    const keys = new Float64Array(this.partnerCount);
    let count = 0;
    for (let partner = 0; partner < this.partnerCount; partner++) {
      if (order.score(agent, partner) === NOT_ALLOWED || order.isRanked(agent, partner)) continue;
      const key = order.unrankedKey(agent, partner);
      if (key < lastKey) keys[count++] = key;
    }
    const sorted = keys.subarray(0, count).sort().reverse();
    this.batch = Array.from(sorted, (key) => order.partnerOfUnrankedKey(key));
    this.batchRead = 0;
    this.exhausted = true;
  }
}

function idOrder(ids: readonly string[]): Int32Array {
  const order = new Int32Array(ids.length);
  const sorted = ids.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach(({ index }, position) => (order[index] = position));
  return order;
}
