import { ConflictError, type CodeOfStatus } from '@samverka/platform';
import type { TrackStage } from './track-stages.js';
import type { Track } from './track.entity.js';

/** Refuses (409 `code`) what only fits some stages, naming the stage the track is in and those it needs. */
export function assertStageIn(track: Track, stages: readonly TrackStage[], code: CodeOfStatus<409>, what: string): void {
  if (!stages.includes(track.stage)) throw new ConflictError(code, `${what} while the track is ${track.stage}; only in: ${stages.join(', ')}.`, { stage: track.stage, stages });
}
