import { MatchingInputError, NOT_ALLOWED, SCORE_SCALE, type IdPair, type MatchingProblem } from './problem.js';
import { solveMatching, type MatchingOptions } from './run.js';

/**
 * The command-line instance format: ids, seats, a participants × challenges score matrix in [0, 1] with null for
 * "not allowed", and optional pins, forbidden pairs and ranks.
 */
export interface MatchingInstanceJson {
  algorithm: MatchingOptions['algorithm'];
  proposing?: MatchingOptions['proposing'];
  participants: string[];
  challenges: { id: string; seats: number }[];
  scores: (number | null)[][];
  pins?: [string, string][];
  forbidden?: [string, string][];
  participantRanks?: Record<string, string[]>;
  challengeRanks?: Record<string, string[]>;
}

export type SolveInstanceOutcome = { ok: true; output: string } | { ok: false; error: string };

/** Parses one JSON instance, solves it and renders the result as one line of JSON; never throws. */
export function solveInstanceJson(text: string): SolveInstanceOutcome {
  try {
    const { problem, options } = parseMatchingInstance(JSON.parse(text));
    const run = solveMatching(problem, options);
    const output = {
      algorithm: run.algorithm,
      ...(run.proposing ? { proposing: run.proposing } : {}),
      pairs: run.pairs.map(({ participant, challenge, score }) => ({ participant, challenge, score })),
      total: run.total,
      minScore: run.minScore,
      matched: run.matched,
      unmatched: run.unmatched,
      seatsLeft: run.seatsLeft,
      blockingPairs: run.blockingPairs,
    };
    return { ok: true, output: JSON.stringify(output) };
  } catch (error) {
    if (error instanceof MatchingInputError || error instanceof SyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}

export function parseMatchingInstance(json: unknown): { problem: MatchingProblem; options: MatchingOptions } {
  const problems: string[] = [];
  const instance = (isRecord(json) ? json : {}) as Partial<MatchingInstanceJson>;
  if (!isRecord(json)) problems.push('the instance must be a JSON object');
  if (instance.algorithm !== 'optimal' && instance.algorithm !== 'stable') {
    problems.push('algorithm must be "optimal" or "stable"');
  }
  if (instance.proposing !== undefined && instance.proposing !== 'participants' && instance.proposing !== 'challenges') {
    problems.push('proposing must be "participants" or "challenges"');
  }
  const participants = stringList(instance.participants, 'participants', problems);
  const challenges = Array.isArray(instance.challenges) ? instance.challenges : [];
  if (!Array.isArray(instance.challenges)) problems.push('challenges must be an array of {id, seats}');
  if (challenges.some((challenge) => !isRecord(challenge) || typeof challenge.id !== 'string')) {
    problems.push('every challenge needs a string id');
  }
  const scores = parseScores(instance.scores, participants.length, challenges.length, problems);
  if (problems.length > 0) throw new MatchingInputError(problems);
  return {
    problem: {
      participants,
      challenges,
      scores,
      pins: pairList(instance.pins, 'pins'),
      forbidden: pairList(instance.forbidden, 'forbidden'),
      participantRanks: rankLists(instance.participantRanks, 'participantRanks'),
      challengeRanks: rankLists(instance.challengeRanks, 'challengeRanks'),
    },
    options: { algorithm: instance.algorithm!, proposing: instance.proposing },
  };
}

function parseScores(rows: unknown, participantCount: number, challengeCount: number, problems: string[]): Int32Array {
  const scores = new Int32Array(participantCount * challengeCount);
  if (!Array.isArray(rows) || rows.length !== participantCount) {
    problems.push(`scores must have one row per participant (${participantCount})`);
    return scores;
  }
  rows.forEach((row: unknown, p) => {
    if (!Array.isArray(row) || row.length !== challengeCount) {
      problems.push(`scores row ${p} must have one entry per challenge (${challengeCount})`);
      return;
    }
    row.forEach((score: unknown, c) => {
      if (score === null) scores[p * challengeCount + c] = NOT_ALLOWED;
      else if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
        problems.push(`scores[${p}][${c}] = ${JSON.stringify(score)} is not null or a number in [0, 1]`);
      } else scores[p * challengeCount + c] = Math.round(score * SCORE_SCALE);
    });
  });
  return scores;
}

function stringList(value: unknown, field: string, problems: string[]): string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  problems.push(`${field} must be an array of string ids`);
  return [];
}

function pairList(value: unknown, field: string): IdPair[] | undefined {
  if (value === undefined) return undefined;
  const valid = Array.isArray(value) && value.every(
    (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((id) => typeof id === 'string'),
  );
  if (!valid) throw new MatchingInputError([`${field} must be an array of [participantId, challengeId] pairs`]);
  return value as IdPair[];
}

function rankLists(value: unknown, field: string): Record<string, string[]> | undefined {
  if (value === undefined) return undefined;
  const valid = isRecord(value) && Object.values(value).every(
    (list) => Array.isArray(list) && list.every((id) => typeof id === 'string'),
  );
  if (!valid) throw new MatchingInputError([`${field} must map ids to arrays of ids`]);
  return value as Record<string, string[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
