import { Injectable } from '@nestjs/common';
import { challengeLifecycle, type ChallengeState, type ChallengeSubject } from '@samverka/challenges';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { MatchesService } from './matches.service.js';

/** A challenge is not withdrawn while a track on it is under way. */
@Injectable()
@FillsHookSlot(challengeLifecycle.hooks.withdrawal, 'tracks')
export class WithdrawalNeedsNoTrackUnderWay implements LifecycleHook<ChallengeState, ChallengeSubject> {
  constructor(private readonly matches: MatchesService) {}

  run({ subject }: Move<ChallengeState, ChallengeSubject>): Promise<void> {
    return this.matches.assertNoTrackUnderWay(subject.challengeId);
  }
}

/** The proposals of a withdrawn challenge expire with it, freeing their participants. */
@Injectable()
@FillsHookSlot(challengeLifecycle.hooks.withdrawn, 'tracks')
export class WithdrawnChallengeReleasesProposals implements LifecycleHook<ChallengeState, ChallengeSubject> {
  constructor(private readonly matches: MatchesService) {}

  run({ subject }: Move<ChallengeState, ChallengeSubject>): Promise<void> {
    return this.matches.expireProposalsOfWithdrawn(subject.challengeId);
  }
}
