/** The cohort lifecycle as data (no imports, so unit tests load it directly). */
export const COHORT_STATES = ['planning', 'open', 'selecting', 'running', 'completed', 'archived'] as const;
export type CohortState = (typeof COHORT_STATES)[number];

export const COHORT_TRANSITIONS: Readonly<Record<CohortState, readonly CohortState[]>> = {
  planning: ['open', 'archived'],
  open: ['selecting'],
  selecting: ['running'],
  running: ['completed'],
  completed: ['archived'],
  archived: [],
};

/** From `open` on, applicants answer the questions and reviewers score with the rubric: both are frozen. */
export const isContentFrozen = (state: CohortState): boolean => state !== 'planning';
