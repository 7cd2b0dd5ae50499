import { GRADUATION_OUTCOMES, type TrackStanding } from '@samverka/tracks';

/** How a track that used a card ended up: its graduation outcome, or still going, or discontinued. */
export const REUSE_OUTCOMES = [...GRADUATION_OUTCOMES.map((outcome) => `graduated_${outcome}` as const), 'in_progress', 'discontinued'] as const;
export type ReuseOutcome = (typeof REUSE_OUTCOMES)[number];

/** How far a card has travelled: distinct tracks, cohorts and departments that used any version of it. */
export interface CardReuse {
  tracks: number;
  cohorts: number;
  departments: number;
  outcomes: Record<ReuseOutcome, number>;
}

function outcomeOf(track: TrackStanding): ReuseOutcome {
  if (track.stage === 'discontinued') return 'discontinued';
  // The graduation constraint guarantees an outcome on a graduated track.
  if (track.stage === 'graduated' && track.outcome) return `graduated_${track.outcome}`;
  return 'in_progress';
}

export function reuseOf(tracks: TrackStanding[]): CardReuse {
  const outcomes = Object.fromEntries(REUSE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<ReuseOutcome, number>;
  for (const track of tracks) outcomes[outcomeOf(track)] += 1;
  return {
    tracks: tracks.length,
    cohorts: new Set(tracks.map((track) => track.cohortId)).size,
    departments: new Set(tracks.map((track) => track.departmentId)).size,
    outcomes,
  };
}
