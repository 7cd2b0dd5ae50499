import { NO_MORE_PARTNERS, PreferenceOrder, type PreferenceList } from './preferences.js';
import { UNASSIGNED, type IndexedProblem } from './problem.js';

export type ProposingSide = 'participants' | 'challenges';

/**
 * Deferred acceptance with seats (hospitals/residents). Pins are fixed first and keep their seats; the pinned
 * participants take no further part. Preference lists are read lazily, so only the part proposals reach is built.
 * With strict preferences the result is the proposing side's optimal stable matching, whatever the processing order.
 */
export function stableAssignment(problem: IndexedProblem, proposing: ProposingSide): Int32Array {
  const assignment = Int32Array.from(problem.pinnedChallenge);
  const room = Int32Array.from(problem.seats);
  for (const challenge of assignment) if (challenge !== UNASSIGNED) room[challenge]--;
  const participantOrder = new PreferenceOrder(problem, true);
  const challengeOrder = new PreferenceOrder(problem, false);
  if (proposing === 'participants') participantsPropose(problem, assignment, room, participantOrder, challengeOrder);
  else challengesPropose(problem, assignment, room, participantOrder, challengeOrder);
  return assignment;
}

function participantsPropose(
  problem: IndexedProblem,
  assignment: Int32Array,
  room: Int32Array,
  participantOrder: PreferenceOrder,
  challengeOrder: PreferenceOrder,
): void {
  const held = new HeldParticipants(room, challengeOrder);
  const lists = new Array<PreferenceList | undefined>(problem.participantCount);
  const waiting: number[] = [];
  for (let p = problem.participantCount - 1; p >= 0; p--) if (problem.pinnedChallenge[p] === UNASSIGNED) waiting.push(p);
  while (waiting.length > 0) {
    const participant = waiting.pop()!;
    const list = (lists[participant] ??= participantOrder.list(participant));
    for (let challenge = list.next(); challenge !== NO_MORE_PARTNERS; challenge = list.next()) {
      const rejected = held.offer(challenge, participant, list.score);
      if (rejected === participant) continue;
      assignment[participant] = challenge;
      if (rejected !== UNASSIGNED) {
        assignment[rejected] = UNASSIGNED;
        waiting.push(rejected);
      }
      break;
    }
  }
}

function challengesPropose(
  problem: IndexedProblem,
  assignment: Int32Array,
  room: Int32Array,
  participantOrder: PreferenceOrder,
  challengeOrder: PreferenceOrder,
): void {
  const taken = new Int32Array(problem.challengeCount);
  const lists = new Array<PreferenceList | undefined>(problem.challengeCount);
  const exhausted = new Uint8Array(problem.challengeCount);
  // Each participant's preference for the challenge it holds, so an offer costs one key rather than two.
  const heldKey = new Float64Array(problem.participantCount).fill(-Infinity);
  const waiting: number[] = [];
  for (let c = problem.challengeCount - 1; c >= 0; c--) waiting.push(c);
  while (waiting.length > 0) {
    const challenge = waiting.pop()!;
    const list = (lists[challenge] ??= challengeOrder.list(challenge));
    while (taken[challenge] < room[challenge] && !exhausted[challenge]) {
      const participant = list.next();
      if (participant === NO_MORE_PARTNERS) {
        exhausted[challenge] = 1;
        break;
      }
      if (problem.pinnedChallenge[participant] !== UNASSIGNED) continue;
      const key = participantOrder.keyWithScore(participant, challenge, list.score);
      if (key < heldKey[participant]) continue;
      const current = assignment[participant];
      assignment[participant] = challenge;
      heldKey[participant] = key;
      taken[challenge]++;
      if (current !== UNASSIGNED) {
        taken[current]--;
        waiting.push(current);
      }
    }
  }
}

/** Each challenge's tentatively held participants in a min-heap on the challenge's preference, so the least wanted is on top. */
class HeldParticipants {
  private readonly start: Int32Array;
  private readonly size: Int32Array;
  private readonly keys: Float64Array;
  private readonly participants: Int32Array;

  constructor(
    private readonly room: Int32Array,
    private readonly challengeOrder: PreferenceOrder,
  ) {
    this.start = new Int32Array(room.length + 1);
    for (let c = 0; c < room.length; c++) this.start[c + 1] = this.start[c] + room[c];
    this.size = new Int32Array(room.length);
    this.keys = new Float64Array(this.start[room.length]);
    this.participants = new Int32Array(this.start[room.length]);
  }

  /** Returns who is turned away: UNASSIGNED if there was room, else the proposer or the displaced least wanted. */
  offer(challenge: number, participant: number, score: number): number {
    const key = this.challengeOrder.keyWithScore(challenge, participant, score);
    const base = this.start[challenge];
    const size = this.size[challenge];
    if (size < this.room[challenge]) {
      this.size[challenge]++;
      this.siftUp(base, size, key, participant);
      return UNASSIGNED;
    }
    if (size === 0 || key <= this.keys[base]) return participant;
    const displaced = this.participants[base];
    this.siftDown(base, size, key, participant);
    return displaced;
  }

  private siftUp(base: number, at: number, key: number, participant: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[base + parent] <= key) break;
      this.keys[base + at] = this.keys[base + parent];
      this.participants[base + at] = this.participants[base + parent];
      at = parent;
    }
    this.keys[base + at] = key;
    this.participants[base + at] = participant;
  }

  private siftDown(base: number, size: number, key: number, participant: number): void {
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.keys[base + child + 1] < this.keys[base + child]) child++;
      if (this.keys[base + child] >= key) break;
      this.keys[base + at] = this.keys[base + child];
      this.participants[base + at] = this.participants[base + child];
      at = child;
    }
    this.keys[base + at] = key;
    this.participants[base + at] = participant;
  }
}
