import { StateMachine } from '@samverka/platform';
import type { Match, MatchResponse, MatchState } from './match.entity.js';

/** What a match hook is told: the match that moves (its cohort's matches are locked). */
export interface MatchSubject {
  match: Match;
}

/**
 * The match lifecycle, and everything that reacts to its moves (each slot names the context
 * that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `confirmation` (before → confirmed), filled by tracks: the challenge must still take
 *   participants and have a seat free (409 `challenge_unavailable`, `challenge_full`);
 * - `confirmed` (after → confirmed), filled by tracks: the match's track starts, and the
 *   challenge is matched once every seat is confirmed;
 * - `told` (after → confirmed, declined), filled by tracks: the participant and the
 *   department's members hear the outcome.
 */
export const matchLifecycle = new StateMachine<MatchState, MatchSubject, 'confirmation' | 'confirmed' | 'told'>(
  'match',
  {
    proposed: ['confirmed', 'declined', 'expired'],
    confirmed: [],
    declined: [],
    expired: [],
  },
  {
    confirmation: { phase: 'before', on: ['confirmed'], filledBy: ['tracks'], purpose: 'a match is confirmed only while its challenge has a seat free' },
    confirmed: { phase: 'after', on: ['confirmed'], filledBy: ['tracks'], purpose: 'a confirmed match starts its track and fills a seat of the challenge' },
    told: { phase: 'after', on: ['confirmed', 'declined'], filledBy: ['tracks'], purpose: 'both sides hear whether the match was confirmed or declined' },
  },
);

export type MatchSide = 'participant' | 'department';

/** Where a proposal stands after one side's answer: a decline ends it, two accepts confirm it. */
export function stateAfterResponse(response: MatchResponse, otherSide: MatchResponse | null): MatchState {
  if (response === 'decline') return 'declined';
  return otherSide === 'accept' ? 'confirmed' : 'proposed';
}
