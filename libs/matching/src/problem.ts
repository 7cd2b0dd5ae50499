/** Scores are stored as integers in [0, SCORE_SCALE] so the solvers compare them exactly (precision 1e-6). */
export const SCORE_SCALE = 1_000_000;
/** Marks a pair a hard rule excludes in a score matrix. */
export const NOT_ALLOWED = -1;
/** A participant without a challenge in an indexed assignment. */
export const UNASSIGNED = -1;

export interface ChallengeSeats {
  id: string;
  seats: number;
}

export type IdPair = readonly [participantId: string, challengeId: string];

/** The matrix-level instance every solver takes, whatever produced the scores. */
export interface MatchingProblem {
  participants: readonly string[];
  challenges: readonly ChallengeSeats[];
  /** participants × challenges, row-major, scaled by SCORE_SCALE; NOT_ALLOWED where a hard rule excludes the pair. */
  scores: Int32Array;
  pins?: readonly IdPair[];
  forbidden?: readonly IdPair[];
  /** participant id → challenge ids, most wanted first. */
  participantRanks?: Readonly<Record<string, readonly string[]>>;
  /** challenge id → participant ids, most wanted first. */
  challengeRanks?: Readonly<Record<string, readonly string[]>>;
}

/**
 * `infeasible`: the input is well formed but its pins cannot all hold (a pin on a forbidden
 * pair, more pins than seats, a participant pinned twice); `invalid`: anything else.
 */
export type InputErrorKind = 'invalid' | 'infeasible';

export class MatchingInputError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly kind: InputErrorKind = 'invalid',
  ) {
    super(problems.join('; '));
    this.name = 'MatchingInputError';
  }
}

/** A validated problem by index: forbidden pairs folded into the scores, pins and ranks resolved. */
export interface IndexedProblem {
  participantIds: readonly string[];
  challengeIds: readonly string[];
  participantCount: number;
  challengeCount: number;
  seats: Int32Array;
  scores: Int32Array;
  /** The pinned challenge of each participant, or UNASSIGNED. */
  pinnedChallenge: Int32Array;
  participantRanks: readonly (Int32Array | undefined)[];
  challengeRanks: readonly (Int32Array | undefined)[];
}

export function indexProblem(problem: MatchingProblem): IndexedProblem {
  const problems: string[] = [];
  const participantIndex = indexIds(problem.participants, 'participant', problems);
  const challengeIds = problem.challenges.map((challenge) => challenge.id);
  const challengeIndex = indexIds(challengeIds, 'challenge', problems);
  const participantCount = problem.participants.length;
  const challengeCount = challengeIds.length;

  const seats = new Int32Array(challengeCount);
  problem.challenges.forEach((challenge, c) => {
    if (!Number.isInteger(challenge.seats) || challenge.seats < 0) {
      problems.push(`challenge ${challenge.id} has invalid seats ${challenge.seats} (must be a non-negative integer)`);
    } else {
      seats[c] = challenge.seats;
    }
  });

  if (problem.scores.length !== participantCount * challengeCount) {
    problems.push(
      `score matrix has ${problem.scores.length} entries, expected ${participantCount} × ${challengeCount}`,
    );
    throw new MatchingInputError(problems);
  }
  const scores = problem.scores.slice();
  for (let at = 0; at < scores.length; at++) {
    const score = scores[at];
    if (score !== NOT_ALLOWED && (score < 0 || score > SCORE_SCALE)) {
      const [p, c] = [Math.floor(at / challengeCount), at % challengeCount];
      problems.push(`score of ${problem.participants[p]} for ${challengeIds[c]} is outside [0, ${SCORE_SCALE}]`);
    }
  }

  const resolvePair = ([participantId, challengeId]: IdPair, context: string): [number, number] | undefined => {
    const p = participantIndex.get(participantId);
    const c = challengeIndex.get(challengeId);
    if (p === undefined) problems.push(`unknown participant id "${participantId}" in ${context}`);
    if (c === undefined) problems.push(`unknown challenge id "${challengeId}" in ${context}`);
    return p === undefined || c === undefined ? undefined : [p, c];
  };

  for (const pair of problem.forbidden ?? []) {
    const resolved = resolvePair(pair, 'forbidden');
    if (resolved) scores[resolved[0] * challengeCount + resolved[1]] = NOT_ALLOWED;
  }

  const pinnedChallenge = new Int32Array(participantCount).fill(UNASSIGNED);
  const pinProblems = validatePins(problem, resolvePair, scores, seats, pinnedChallenge);

  const participantRanks = resolveRanks(
    problem.participantRanks, participantIndex, challengeIndex, participantCount, 'participant', problems,
  );
  const challengeRanks = resolveRanks(
    problem.challengeRanks, challengeIndex, participantIndex, challengeCount, 'challenge', problems,
  );

  if (problems.length > 0) throw new MatchingInputError([...problems, ...pinProblems]);
  if (pinProblems.length > 0) throw new MatchingInputError(pinProblems, 'infeasible');
  return {
    participantIds: problem.participants,
    challengeIds,
    participantCount,
    challengeCount,
    seats,
    scores,
    pinnedChallenge,
    participantRanks,
    challengeRanks,
  };
}

/** The columns of a row-major matrix as rows; copied in square tiles so both sides are read and written in order. */
export function transposeScores(scores: Int32Array, rows: number, columns: number): Int32Array {
  const TILE = 64;
  const transposed = new Int32Array(scores.length);
  for (let rowTile = 0; rowTile < rows; rowTile += TILE) {
    for (let columnTile = 0; columnTile < columns; columnTile += TILE) {
      const rowEnd = Math.min(rows, rowTile + TILE);
      const columnEnd = Math.min(columns, columnTile + TILE);
      for (let row = rowTile; row < rowEnd; row++) {
        for (let column = columnTile; column < columnEnd; column++) transposed[column * rows + row] = scores[row * columns + column];
      }
    }
  }
  return transposed;
}

function indexIds(ids: readonly string[], kind: string, problems: string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id === '') problems.push(`${kind} at position ${i} has no id`);
    else if (index.has(id)) problems.push(`duplicate ${kind} id "${id}"`);
    else index.set(id, i);
  });
  return index;
}

/** Pins must be jointly feasible: one per participant, within seats, and allowed by the hard rules. */
function validatePins(
  problem: MatchingProblem,
  resolvePair: (pair: IdPair, context: string) => [number, number] | undefined,
  scores: Int32Array,
  seats: Int32Array,
  pinnedChallenge: Int32Array,
): string[] {
  const problems: string[] = [];
  const challengeCount = seats.length;
  const pinsPerChallenge = new Map<number, IdPair[]>();
  const pinOf = new Map<number, IdPair>();
  for (const pin of problem.pins ?? []) {
    const resolved = resolvePair(pin, 'pins');
    if (!resolved) continue;
    const [p, c] = resolved;
    const earlier = pinOf.get(p);
    if (earlier) {
      problems.push(`participant ${pin[0]} is pinned twice (${formatPin(earlier)} and ${formatPin(pin)})`);
      continue;
    }
    pinOf.set(p, pin);
    if (scores[p * challengeCount + c] === NOT_ALLOWED) {
      problems.push(`pin ${formatPin(pin)} breaks a hard rule (the pair is not allowed)`);
      continue;
    }
    pinnedChallenge[p] = c;
    pinsPerChallenge.set(c, [...(pinsPerChallenge.get(c) ?? []), pin]);
  }
  for (const [c, pins] of pinsPerChallenge) {
    if (pins.length > seats[c]) {
      problems.push(
        `challenge ${pins[0][1]} has ${seats[c]} seats but ${pins.length} pins (${pins.map(formatPin).join(', ')})`,
      );
    }
  }
  return problems;
}

function formatPin([participantId, challengeId]: IdPair): string {
  return `${participantId}→${challengeId}`;
}

function resolveRanks(
  ranks: Readonly<Record<string, readonly string[]>> | undefined,
  agentIndex: Map<string, number>,
  partnerIndex: Map<string, number>,
  agentCount: number,
  agentKind: 'participant' | 'challenge',
  problems: string[],
): (Int32Array | undefined)[] {
  const resolved = new Array<Int32Array | undefined>(agentCount).fill(undefined);
  const partnerKind = agentKind === 'participant' ? 'challenge' : 'participant';
  for (const [agentId, partnerIds] of Object.entries(ranks ?? {})) {
    const agent = agentIndex.get(agentId);
    if (agent === undefined) {
      problems.push(`unknown ${agentKind} id "${agentId}" in ${agentKind}Ranks`);
      continue;
    }
    const seen = new Set<number>();
    const list: number[] = [];
    for (const partnerId of partnerIds) {
      const partner = partnerIndex.get(partnerId);
      if (partner === undefined) problems.push(`unknown ${partnerKind} id "${partnerId}" in the ranks of ${agentId}`);
      else if (seen.has(partner)) problems.push(`${agentKind} ${agentId} ranks ${partnerId} twice`);
      else {
        seen.add(partner);
        list.push(partner);
      }
    }
    resolved[agent] = Int32Array.from(list);
  }
  return resolved;
}
