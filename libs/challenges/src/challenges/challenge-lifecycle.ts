import { StateMachine } from '@samverka/platform';
import { CHALLENGE_TRANSITIONS, type ChallengeState } from './challenge-transitions.js';

export * from './challenge-transitions.js';

export const challengeLifecycle = new StateMachine<ChallengeState>('challenge', CHALLENGE_TRANSITIONS);
