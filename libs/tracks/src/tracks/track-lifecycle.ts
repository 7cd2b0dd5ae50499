import { StateMachine } from '@samverka/platform';
import { TRACK_TRANSITIONS, type TrackStage } from './track-stages.js';
import type { Track } from './track.entity.js';

/** What a track hook is told: the track that moves, already in its new stage (its row is locked). */
export interface TrackSubject {
  track: Track;
}

/**
 * The track lifecycle, and everything that reacts to its moves (each slot names the context
 * that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `challengeFollows` (after → test_environment, graduated, discontinued), filled by tracks:
 *   the challenge is in test once one of its tracks is, and completed when its last track ends;
 * - `told` (after every move), filled by tracks: the participant and the department's members
 *   hear of it, in the app and by email.
 */
export const trackLifecycle = new StateMachine<TrackStage, TrackSubject, 'challengeFollows' | 'told'>('track', TRACK_TRANSITIONS, {
  challengeFollows: {
    phase: 'after',
    on: ['test_environment', 'graduated', 'discontinued'],
    filledBy: ['tracks'],
    purpose: 'the challenge is in test while a track is, and completed once all its tracks have ended',
  },
  told: { phase: 'after', filledBy: ['tracks'], purpose: 'the people on the track hear of its move' },
});
