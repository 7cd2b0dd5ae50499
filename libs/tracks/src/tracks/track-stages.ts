import type { TransitionTable } from '@samverka/platform';

/** The needs-driven stages as data (type imports only, so unit tests load this file directly). */
export const TRACK_STAGES = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued'] as const;
export type TrackStage = (typeof TRACK_STAGES)[number];

/** Forward one stage at a time, or discontinued from any stage until graduation. */
export const TRACK_TRANSITIONS: TransitionTable<TrackStage> = {
  matched: ['co_design', 'discontinued'],
  co_design: ['test_environment', 'discontinued'],
  test_environment: ['evaluation', 'discontinued'],
  evaluation: ['graduated', 'discontinued'],
  graduated: [],
  discontinued: [],
};

/** Stages in which a track has ended; no stage follows them. */
export const ENDED_STAGES: readonly TrackStage[] = ['graduated', 'discontinued'];

/** Test sessions happen in the test environment, and may still be written up during evaluation. */
/** The audit action and notice type of a move to `to`: an ending names itself, the rest is an advance. */
export const moveAction = (to: TrackStage): string => (ENDED_STAGES.includes(to) ? `track.${to}` : 'track.advanced');

export const TESTING_STAGES: readonly TrackStage[] = ['test_environment', 'evaluation'];

export const GRADUATION_OUTCOMES = ['adopted_by_department', 'continued_as_venture', 'procured', 'stopped_with_lessons', 'other'] as const;
export type GraduationOutcome = (typeof GRADUATION_OUTCOMES)[number];

/** What the gate of a move looks at: the track's record and what the move itself brings. */
export interface GateFacts {
  hasTestPlan: boolean;
  testSessions: number;
  /** Keys of the cohort's graduation criteria, and those ticked on the track. */
  criteria: readonly string[];
  criteriaMet: readonly string[];
  outcome?: GraduationOutcome;
  summary?: string;
  reason?: string;
}

/**
 * What the gate into `to` still lacks, named so a client can show it: `test_plan`,
 * `test_session`, `outcome`, `outcome_summary`, `graduation_criterion:<key>`, `reason`.
 */
export function missingForMove(to: TrackStage, facts: GateFacts): string[] {
  switch (to) {
    case 'test_environment':
      return facts.hasTestPlan ? [] : ['test_plan'];
    case 'evaluation':
      return facts.testSessions > 0 ? [] : ['test_session'];
    case 'graduated':
      return [
        ...(facts.outcome ? [] : ['outcome']),
        ...(facts.summary?.trim() ? [] : ['outcome_summary']),
        ...facts.criteria.filter((key) => !facts.criteriaMet.includes(key)).map((key) => `graduation_criterion:${key}`),
      ];
    case 'discontinued':
      return facts.reason?.trim() ? [] : ['reason'];
    case 'matched':
    case 'co_design':
      return [];
  }
}


/** A stage still ahead and what its gate lacks today. */
export interface OpenGate {
  to: TrackStage;
  missing: string[];
}

/**
 * The gates between the track's stage and graduation that are not met yet, in order. The
 * outcome and its summary come with the move to graduation, so they stay open until then.
 */
export function openGates(stage: TrackStage, facts: GateFacts): OpenGate[] {
  const ahead: TrackStage[] = [];
  for (let next = TRACK_TRANSITIONS[stage].find((to) => to !== 'discontinued'); next; next = TRACK_TRANSITIONS[next].find((to) => to !== 'discontinued')) ahead.push(next);
  return ahead.map((to) => ({ to, missing: missingForMove(to, facts) })).filter((gate) => gate.missing.length > 0);
}
