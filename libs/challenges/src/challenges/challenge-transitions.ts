import type { TransitionTable } from '@samverka/platform';

export const CHALLENGE_STATES = ['draft', 'submitted', 'approved', 'changes_requested', 'rejected', 'matched', 'in_test', 'completed', 'withdrawn'] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

/** The challenge lifecycle as data; `matched → in_test → completed` is driven by the journey later. */
export const CHALLENGE_TRANSITIONS: TransitionTable<ChallengeState> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['approved', 'changes_requested', 'rejected', 'withdrawn'],
  changes_requested: ['submitted', 'withdrawn'],
  approved: ['matched', 'withdrawn'],
  matched: ['in_test', 'withdrawn'],
  in_test: ['completed'],
  completed: [],
  rejected: [],
  withdrawn: [],
};

/** Only these states may be edited by the department. */
export const EDITABLE_STATES: readonly ChallengeState[] = ['draft', 'changes_requested'];

/** Approved and what follows from approval: what entrepreneurs of the cohort may see. */
export const APPROVED_STATES: readonly ChallengeState[] = ['approved', 'matched', 'in_test', 'completed'];

export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const STATE_AFTER_REVIEW: Readonly<Record<ReviewDecision, ChallengeState>> = {
  approve: 'approved',
  request_changes: 'changes_requested',
  reject: 'rejected',
};
