/** The application lifecycle as data (no imports, so unit tests load it directly). */
export const APPLICATION_STATES = ['draft', 'submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationState, readonly ApplicationState[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['accepted', 'waitlisted', 'rejected', 'withdrawn'],
  // Someone waiting for a seat may step back, as before a decision; accepted and rejected are final.
  waitlisted: ['accepted', 'rejected', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

export const DECISIONS = ['accept', 'waitlist', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export const STATE_OF_DECISION: Readonly<Record<Decision, ApplicationState>> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  reject: 'rejected',
};

/** Reviews may be written and changed only until the manager decides. */
export const isAwaitingDecision = (state: ApplicationState): boolean => state === 'submitted';
