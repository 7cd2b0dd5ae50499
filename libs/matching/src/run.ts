import { countBlockingPairsIndexed } from './blocking-pairs.js';
import { optimalAssignment } from './optimal.js';
import {
  MatchingInputError,
  NOT_ALLOWED,
  SCORE_SCALE,
  UNASSIGNED,
  indexProblem,
  type IdPair,
  type IndexedProblem,
  type MatchingProblem,
} from './problem.js';
import { stableAssignment, type ProposingSide } from './stable.js';

export type MatchingAlgorithm = 'optimal' | 'stable';

export interface MatchingOptions {
  algorithm: MatchingAlgorithm;
  /** Stable only; participants propose unless told otherwise. */
  proposing?: ProposingSide;
}

export interface ProposedPair {
  participant: string;
  challenge: string;
  score: number;
  pinned: boolean;
}

export interface AssignmentReport {
  /** In participant input order. */
  pairs: ProposedPair[];
  total: number;
  /** null when nobody is matched. */
  minScore: number | null;
  matched: number;
  unmatched: string[];
  seatsLeft: number;
  blockingPairs: number;
}

export interface MatchingRun extends AssignmentReport {
  algorithm: MatchingAlgorithm;
  proposing?: ProposingSide;
}

/** Runs one algorithm on a matrix-level problem. The same problem and options give the same run, byte for byte. */
export function solveMatching(problem: MatchingProblem, options: MatchingOptions): MatchingRun {
  const indexed = indexProblem(problem);
  if (options.algorithm === 'optimal') {
    return { algorithm: 'optimal', ...reportAssignment(indexed, optimalAssignment(indexed)) };
  }
  const proposing = options.proposing ?? 'participants';
  return { algorithm: 'stable', proposing, ...reportAssignment(indexed, stableAssignment(indexed, proposing)) };
}

/**
 * Checks any assignment against the hard rules, pins and seats, and reports it like a run,
 * blocking pairs included, so results from elsewhere can be compared.
 */
export function evaluateAssignment(problem: MatchingProblem, pairs: readonly IdPair[]): AssignmentReport {
  const indexed = indexProblem(problem);
  const participantIndex = new Map(indexed.participantIds.map((id, index) => [id, index]));
  const challengeIndex = new Map(indexed.challengeIds.map((id, index) => [id, index]));
  const assignment = new Int32Array(indexed.participantCount).fill(UNASSIGNED);
  const taken = new Int32Array(indexed.challengeCount);
  const problems: string[] = [];
  for (const [participantId, challengeId] of pairs) {
    const p = participantIndex.get(participantId);
    const c = challengeIndex.get(challengeId);
    if (p === undefined || c === undefined) problems.push(`unknown pair ${participantId}→${challengeId}`);
    else if (assignment[p] !== UNASSIGNED) problems.push(`participant ${participantId} has more than one challenge`);
    else if (indexed.scores[p * indexed.challengeCount + c] === NOT_ALLOWED) {
      problems.push(`pair ${participantId}→${challengeId} is not allowed`);
    } else {
      assignment[p] = c;
      if (++taken[c] === indexed.seats[c] + 1) problems.push(`challenge ${challengeId} has more than its seats`);
    }
  }
  indexed.pinnedChallenge.forEach((c, p) => {
    if (c !== UNASSIGNED && assignment[p] !== c) {
      problems.push(`pin ${indexed.participantIds[p]}→${indexed.challengeIds[c]} is missing`);
    }
  });
  if (problems.length > 0) throw new MatchingInputError(problems);
  return reportAssignment(indexed, assignment);
}

function reportAssignment(problem: IndexedProblem, assignment: Int32Array): AssignmentReport {
  const pairs: ProposedPair[] = [];
  const unmatched: string[] = [];
  let total = 0;
  let minScore = Infinity;
  let seatsLeft = problem.seats.reduce((sum, seats) => sum + seats, 0);
  assignment.forEach((c, p) => {
    const participant = problem.participantIds[p];
    if (c === UNASSIGNED) {
      unmatched.push(participant);
      return;
    }
    const score = problem.scores[p * problem.challengeCount + c];
    total += score;
    minScore = Math.min(minScore, score);
    seatsLeft--;
    pairs.push({
      participant,
      challenge: problem.challengeIds[c],
      score: score / SCORE_SCALE,
      pinned: problem.pinnedChallenge[p] === c,
    });
  });
  return {
    pairs,
    // Summed as integers, so the total does not depend on the order of additions.
    total: total / SCORE_SCALE,
    minScore: pairs.length > 0 ? minScore / SCORE_SCALE : null,
    matched: pairs.length,
    unmatched,
    seatsLeft,
    blockingPairs: countBlockingPairsIndexed(problem, assignment),
  };
}
