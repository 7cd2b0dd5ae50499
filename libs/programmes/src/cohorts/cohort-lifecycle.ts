import { StateMachine } from '@samverka/platform';
import { COHORT_TRANSITIONS, type CohortState } from './cohort-transitions.js';

export * from './cohort-transitions.js';

export const cohortLifecycle = new StateMachine<CohortState>('cohort', COHORT_TRANSITIONS);
