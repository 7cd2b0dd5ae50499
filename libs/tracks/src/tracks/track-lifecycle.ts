import { StateMachine } from '@samverka/platform';
import { TRACK_TRANSITIONS, type TrackStage } from './track-stages.js';

export const trackLifecycle = new StateMachine<TrackStage>('track', TRACK_TRANSITIONS);
