import { StateMachine } from '@samverka/platform';
import type { MatchResponse, MatchState } from './match.entity.js';

export const matchLifecycle = new StateMachine<MatchState>('match', {
  proposed: ['confirmed', 'declined', 'expired'],
  confirmed: [],
  declined: [],
  expired: [],
});

export type MatchSide = 'participant' | 'department';

/** Where a proposal stands after one side's answer: a decline ends it, two accepts confirm it. */
export function stateAfterResponse(response: MatchResponse, otherSide: MatchResponse | null): MatchState {
  if (response === 'decline') return 'declined';
  return otherSide === 'accept' ? 'confirmed' : 'proposed';
}
