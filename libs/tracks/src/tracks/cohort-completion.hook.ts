import { Injectable } from '@nestjs/common';
import { cohortLifecycle, type CohortState, type CohortSubject } from '@samverka/programmes';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { TracksService } from './tracks.service.js';

/** A cohort completes only once every track in it has graduated or been discontinued. */
@Injectable()
@FillsHookSlot(cohortLifecycle.hooks.completion, 'tracks')
export class CohortCompletionNeedsTracksEnded implements LifecycleHook<CohortState, CohortSubject> {
  constructor(private readonly tracks: TracksService) {}

  run({ subject }: Move<CohortState, CohortSubject>): Promise<void> {
    return this.tracks.assertAllEnded(subject.cohortId);
  }
}
