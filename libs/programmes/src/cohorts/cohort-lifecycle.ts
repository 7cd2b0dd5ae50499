import { StateMachine } from '@samverka/platform';
import { COHORT_TRANSITIONS, type CohortState } from './cohort-transitions.js';

export * from './cohort-transitions.js';

/** What a cohort hook is told about the cohort that moves. */
export interface CohortSubject {
  cohortId: string;
}

/**
 * The cohort lifecycle, and everything that reacts to its moves (each slot names the context
 * that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `completion` (before → completed), filled by tracks: refuses while a track of the cohort
 *   is under way (409 `tracks_under_way`).
 */
export const cohortLifecycle = new StateMachine<CohortState, CohortSubject, 'completion'>('cohort', COHORT_TRANSITIONS, {
  completion: { phase: 'before', on: ['completed'], filledBy: ['tracks'], purpose: 'a cohort completes only once every track in it has ended' },
});
