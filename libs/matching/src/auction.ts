import { NOT_ALLOWED } from './problem.js';

/** How many challenges of best value a bidder keeps at hand; the rest are read again only when the list runs dry. */
const AUCTION_CANDIDATES = 12;
/** ε shrinks by this factor from phase to phase. */
const EPSILON_FACTOR = 6;
const UNSEATED = -1;
const UNMATCHED = -2;

/**
 * Start prices from an ε-scaling forward auction on the seat-expanded transportation problem, in the weights
 * `score × weightScale + 1` the exact solver uses. Every seat carries a price; a bidder takes the cheapest seat of its
 * most valuable challenge (value = weight − price, "unmatched" is worth 0) and raises its price to where the next best
 * option would be as good, plus ε, evicting whoever held it. A challenge thus keeps its best bids, and its price is
 * the lowest one kept; a bid never goes above the bidder's weight. Each phase keeps the prices and the seats of the
 * last, with ε smaller, down to `finalEpsilon`; whoever sits more than ε below its best option bids again. The
 * prices are only a guess: the exact solver checks them against every allowed pair.
 */
export function auctionPrices(
  scores: Int32Array,
  challengeCount: number,
  participants: readonly number[],
  capacity: Int32Array,
  weightScale: number,
  finalEpsilon: number,
): Float64Array {
  return new Auction(scores, challengeCount, participants, capacity, weightScale).run(finalEpsilon);
}

class Auction {
  private readonly count: number;
  private readonly seatStart: Int32Array;
  /** Per challenge, its seats as a min-heap on price, so the cheapest seat is the first. */
  private readonly seatPrice: Float64Array;
  private readonly seatHolder: Int32Array;
  private readonly seatChallenge: Int32Array;
  private readonly candidates: Int32Array;
  private readonly candidateLength: Int32Array;
  /** The best value outside a bidder's list when it was read; prices only rise, so it stays an upper bound. */
  private readonly outsideBound: Float64Array;
  private readonly listValues = new Float64Array(AUCTION_CANDIDATES);
  private readonly queue: Int32Array;
  /** Each bidder's seat, or UNSEATED, or UNMATCHED once no seat is worth its price. */
  private readonly bidderSeat: Int32Array;

  constructor(
    private readonly scores: Int32Array,
    private readonly m: number,
    private readonly participants: readonly number[],
    capacity: Int32Array,
    private readonly weightScale: number,
  ) {
    this.count = participants.length;
    this.seatStart = new Int32Array(m + 1);
    for (let c = 0; c < m; c++) this.seatStart[c + 1] = this.seatStart[c] + Math.max(0, capacity[c]);
    this.seatPrice = new Float64Array(this.seatStart[m]);
    this.seatHolder = new Int32Array(this.seatStart[m]);
    this.candidates = new Int32Array(this.count * AUCTION_CANDIDATES);
    this.candidateLength = new Int32Array(this.count);
    this.outsideBound = new Float64Array(this.count).fill(Infinity);
    this.queue = new Int32Array(this.count + 1);
    this.seatHolder.fill(-1);
    this.seatChallenge = new Int32Array(this.seatStart[m]);
    for (let c = 0; c < m; c++) this.seatChallenge.fill(c, this.seatStart[c], this.seatStart[c + 1]);
    this.bidderSeat = new Int32Array(this.count).fill(UNSEATED);
  }

  run(finalEpsilon: number): Float64Array {
    let maxWeight = 1;
    for (const participant of this.participants) {
      const row = participant * this.m;
      for (let c = 0; c < this.m; c++) {
        if (this.scores[row + c] !== NOT_ALLOWED) maxWeight = Math.max(maxWeight, this.weight(row, c));
      }
    }
    for (let epsilon = Math.max(finalEpsilon, Math.floor(maxWeight / EPSILON_FACTOR)); ; ) {
      this.phase(epsilon);
      if (epsilon <= finalEpsilon) return this.challengePrices();
      epsilon = Math.max(finalEpsilon, Math.floor(epsilon / EPSILON_FACTOR));
    }
  }

  /**
   * Everyone not seated, or seated more than ε below their best option, bids until seated or better off unmatched.
   * Seats stay taken from phase to phase, so a seat priced in an earlier phase is never left empty at that price.
   */
  private phase(epsilon: number): void {
    const { count, queue, seatStart, seatPrice, seatHolder, bidderSeat, candidates, candidateLength, outsideBound } = this;
    let head = 0;
    let tail = 0;
    for (let bidder = 0; bidder < count; bidder++) {
      const seat = bidderSeat[bidder];
      if (seat === UNSEATED) queue[tail++] = bidder;
      else if (seat >= 0 && this.heldValue(bidder, seat) < this.bestValue(bidder) - epsilon) {
        seatHolder[seat] = -1;
        bidderSeat[bidder] = UNSEATED;
        queue[tail++] = bidder;
      }
    }
    while (head !== tail) {
      const bidder = queue[head];
      head = head === count ? 0 : head + 1;
      const row = this.participants[bidder] * this.m;
      let best = -Infinity;
      let bestChallenge = -1;
      let second = -Infinity;
      for (let pass = 0; pass < 2; pass++) {
        const list = bidder * AUCTION_CANDIDATES;
        const length = candidateLength[bidder];
        best = -Infinity;
        second = -Infinity;
        for (let i = 0; i < length; i++) {
          const c = candidates[list + i];
          const value = this.weight(row, c) - seatPrice[seatStart[c]];
          if (value > best) {
            second = best;
            best = value;
            bestChallenge = c;
          } else if (value > second) second = value;
        }
        if (best >= outsideBound[bidder]) break;
        this.readRow(bidder);
      }
      if (best <= 0) {
        bidderSeat[bidder] = UNMATCHED; // for good: prices only rise
        continue;
      }
      const root = seatStart[bestChallenge];
      const seats = seatStart[bestChallenge + 1] - root;
      // The second cheapest seat of the same challenge is an option too (a heap's second smallest is a child of the root).
      if (seats > 1) {
        const sibling = seats > 2 ? Math.min(seatPrice[root + 1], seatPrice[root + 2]) : seatPrice[root + 1];
        second = Math.max(second, this.weight(row, bestChallenge) - sibling);
      }
      second = Math.max(second, outsideBound[bidder], 0);
      const evicted = seatHolder[root];
      if (evicted >= 0) {
        bidderSeat[evicted] = UNSEATED;
        queue[tail] = evicted;
        tail = tail === count ? 0 : tail + 1;
      }
      // Never above the bidder's weight: a seat priced beyond what anyone gains from it would stay empty for good.
      const weight = this.weight(row, bestChallenge);
      this.takeCheapestSeat(root, seats, Math.min(weight - second + epsilon, weight), bidder);
    }
  }

  /** A bidder's list: the allowed challenges of best value at the current prices, and the best value left out. */
  private readRow(bidder: number): void {
    const { candidates, listValues, seatStart, seatPrice, scores } = this;
    const row = this.participants[bidder] * this.m;
    const list = bidder * AUCTION_CANDIDATES;
    let length = 0;
    let outside = -Infinity;
    for (let c = 0; c < this.m; c++) {
      if (scores[row + c] === NOT_ALLOWED || seatStart[c + 1] === seatStart[c]) continue;
      const value = this.weight(row, c) - seatPrice[seatStart[c]];
      if (length === AUCTION_CANDIDATES) {
        if (value <= listValues[length - 1]) {
          if (value > outside) outside = value;
          continue;
        }
        if (listValues[length - 1] > outside) outside = listValues[length - 1];
      }
      let at = length === AUCTION_CANDIDATES ? length - 1 : length++;
      while (at > 0 && listValues[at - 1] < value) {
        listValues[at] = listValues[at - 1];
        candidates[list + at] = candidates[list + at - 1];
        at--;
      }
      listValues[at] = value;
      candidates[list + at] = c;
    }
    this.candidateLength[bidder] = length;
    this.outsideBound[bidder] = outside;
  }

  /** The bidder replaces the holder of the cheapest seat at a higher price; the seat sinks to its place in the heap. */
  private takeCheapestSeat(root: number, size: number, newPrice: number, bidder: number): void {
    const { seatPrice, seatHolder } = this;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && seatPrice[root + child + 1] < seatPrice[root + child]) child++;
      if (seatPrice[root + child] >= newPrice) break;
      seatPrice[root + at] = seatPrice[root + child];
      const moved = seatHolder[root + child];
      seatHolder[root + at] = moved;
      if (moved >= 0) this.bidderSeat[moved] = root + at;
      at = child;
    }
    seatPrice[root + at] = newPrice;
    seatHolder[root + at] = bidder;
    this.bidderSeat[bidder] = root + at;
  }

  /**
   * One price per challenge: its cheapest seat; 0 if the last phase left a seat empty (room is priced 0); for a
   * challenge without seats, just high enough that nobody would rather be there than where the auction left them.
   */
  private challengePrices(): Float64Array {
    const { m, seatStart, seatPrice, seatHolder, participants, scores } = this;
    const price = new Float64Array(m);
    const profit = new Float64Array(this.count);
    for (let c = 0; c < m; c++) {
      const [first, end] = [seatStart[c], seatStart[c + 1]];
      let full = true;
      for (let seat = first; seat < end; seat++) if (seatHolder[seat] < 0) full = false;
      if (full && end > first) price[c] = seatPrice[first];
      for (let seat = first; seat < end; seat++) {
        const holder = seatHolder[seat];
        if (holder >= 0) profit[holder] = this.weight(participants[holder] * m, c) - price[c];
      }
    }
    for (let c = 0; c < m; c++) {
      if (seatStart[c + 1] > seatStart[c]) continue;
      for (let bidder = 0; bidder < this.count; bidder++) {
        const row = participants[bidder] * m;
        if (scores[row + c] !== NOT_ALLOWED) price[c] = Math.max(price[c], this.weight(row, c) - profit[bidder]);
      }
    }
    return price;
  }

  /** A seated bidder's value where it sits. */
  private heldValue(bidder: number, seat: number): number {
    return this.weight(this.participants[bidder] * this.m, this.seatChallenge[seat]) - this.seatPrice[seat];
  }

  /** An upper bound on a bidder's best value: its list at current prices, the bound outside it, and 0 for unmatched. */
  private bestValue(bidder: number): number {
    const row = this.participants[bidder] * this.m;
    const list = bidder * AUCTION_CANDIDATES;
    let best = Math.max(0, this.outsideBound[bidder]);
    for (let i = 0; i < this.candidateLength[bidder]; i++) {
      const c = this.candidates[list + i];
      best = Math.max(best, this.weight(row, c) - this.seatPrice[this.seatStart[c]]);
    }
    return best;
  }

  private weight(row: number, c: number): number {
    return this.scores[row + c] * this.weightScale + 1;
  }
}
