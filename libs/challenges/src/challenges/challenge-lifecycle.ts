import { StateMachine } from '@samverka/platform';
import { CHALLENGE_TRANSITIONS, type ChallengeState } from './challenge-transitions.js';

export * from './challenge-transitions.js';

/** What a challenge hook is told about the challenge that moves (its row is locked). */
export interface ChallengeSubject {
  challengeId: string;
}

/**
 * The challenge lifecycle, and everything that reacts to its moves (each slot names the
 * context that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `withdrawal` (before → withdrawn), filled by tracks: refuses while a track on the
 *   challenge is under way (409 `challenge_has_confirmed_matches`);
 * - `withdrawn` (after → withdrawn), filled by tracks: its proposed matches expire.
 */
export const challengeLifecycle = new StateMachine<ChallengeState, ChallengeSubject, 'withdrawal' | 'withdrawn'>('challenge', CHALLENGE_TRANSITIONS, {
  withdrawal: { phase: 'before', on: ['withdrawn'], filledBy: ['tracks'], purpose: 'a challenge with tracks under way cannot be withdrawn' },
  withdrawn: { phase: 'after', on: ['withdrawn'], filledBy: ['tracks'], purpose: 'the proposals of a withdrawn challenge expire, freeing the entrepreneurs' },
});
