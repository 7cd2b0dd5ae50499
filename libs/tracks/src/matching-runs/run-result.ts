import type { Bilingual, CohortScoring, ComponentExplanation, MatchingRun } from '@samverka/matching';

export interface RunMetrics {
  total: number;
  minScore: number | null;
  matched: number;
  unmatched: number;
  seatsLeft: number;
  blockingPairs: number;
}

export interface RunPair {
  participantId: string;
  challengeId: string;
  score: number;
  pinned: boolean;
  components: ComponentExplanation[];
  reason: Bilingual;
}

export type UnmatchedWhy = 'no_allowed_challenge' | 'seats_taken';

export interface RunResult {
  metrics: RunMetrics;
  pairs: RunPair[];
  unmatched: { participantId: string; why: UnmatchedWhy }[];
}

/** Turns the engine's run into what a manager reads: every pair explained, every unmatched person's why. */
export function describeRun(run: MatchingRun, scoring: CohortScoring, challengeIds: readonly string[]): RunResult {
  return {
    metrics: {
      total: run.total,
      minScore: run.minScore,
      matched: run.matched,
      unmatched: run.unmatched.length,
      seatsLeft: run.seatsLeft,
      blockingPairs: run.blockingPairs,
    },
    pairs: run.pairs.map((pair) => {
      const explanation = scoring.explain(pair.participant, pair.challenge);
      return {
        participantId: pair.participant,
        challengeId: pair.challenge,
        score: pair.score,
        pinned: pair.pinned,
        components: explanation.components,
        reason: explanation.reason,
      };
    }),
    unmatched: run.unmatched.map((participantId) => ({
      participantId,
      why: challengeIds.some((challengeId) => scoring.explain(participantId, challengeId).allowed) ? 'seats_taken' : 'no_allowed_challenge',
    })),
  };
}

export interface RunComparison {
  /** Pairs only the first run proposes, only the second, and participants placed differently. */
  onlyInFirst: { participantId: string; challengeId: string }[];
  onlyInSecond: { participantId: string; challengeId: string }[];
  metricChanges: Record<keyof RunMetrics, { first: number | null; second: number | null; change: number | null }>;
}

/** What changes from one run to another: the pairs that differ and each metric's change. */
export function compareRuns(first: RunResult, second: RunResult): RunComparison {
  const key = (pair: RunPair) => `${pair.participantId}|${pair.challengeId}`;
  const inFirst = new Set(first.pairs.map(key));
  const inSecond = new Set(second.pairs.map(key));
  const strip = ({ participantId, challengeId }: RunPair) => ({ participantId, challengeId });
  const metricChanges = Object.fromEntries(
    (Object.keys(first.metrics) as (keyof RunMetrics)[]).map((metric) => {
      const a = first.metrics[metric];
      const b = second.metrics[metric];
      return [metric, { first: a, second: b, change: a === null || b === null ? null : round6(b - a) }];
    }),
  ) as RunComparison['metricChanges'];
  return {
    onlyInFirst: first.pairs.filter((pair) => !inSecond.has(key(pair))).map(strip),
    onlyInSecond: second.pairs.filter((pair) => !inFirst.has(key(pair))).map(strip),
    metricChanges,
  };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
