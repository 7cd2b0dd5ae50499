import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeProgress } from '@samverka/challenges';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { In, Not } from 'typeorm';
import { trackLifecycle, type TrackSubject } from './track-lifecycle.js';
import { ENDED_STAGES, type TrackStage } from './track-stages.js';
import { Track } from './track.entity.js';

/** The challenge is in test once a track is; it is completed when its last live track ends. */
@Injectable()
@FillsHookSlot(trackLifecycle.hooks.challengeFollows, 'tracks')
export class ChallengeFollowsItsTracks implements LifecycleHook<TrackStage, TrackSubject> {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly progress: ChallengeProgress,
  ) {}

  async run({ subject: { track }, to }: Move<TrackStage, TrackSubject>): Promise<void> {
    if (to === 'test_environment') return this.progress.noteTestStarted(track.challengeId);
    // Serialised per challenge: two last tracks ending at once must not each see the other as live.
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`samverka:challenge-tracks:${track.challengeId}`]);
    const live = await this.txHost.tx.getRepository(Track).countBy({ challengeId: track.challengeId, stage: Not(In([...ENDED_STAGES])) });
    if (live === 0) await this.progress.noteAllTracksEnded(track.challengeId);
  }
}
