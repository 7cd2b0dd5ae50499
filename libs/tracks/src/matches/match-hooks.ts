import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeProgress } from '@samverka/challenges';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { TrackStarter } from '../tracks/track-starter.js';
import { Track } from '../tracks/track.entity.js';
import { matchLifecycle, type MatchSubject } from './match-lifecycle.js';
import type { MatchState } from './match.entity.js';
import { MatchesService } from './matches.service.js';

/**
 * A match is confirmed only while its challenge takes participants and has a seat free. The
 * challenge row stays locked, so a withdrawal and a confirmation cannot both pass.
 */
@Injectable()
@FillsHookSlot(matchLifecycle.hooks.confirmation, 'tracks')
export class ConfirmationNeedsChallengeSeat implements LifecycleHook<MatchState, MatchSubject> {
  constructor(
    private readonly matches: MatchesService,
    private readonly progress: ChallengeProgress,
  ) {}

  async run({ subject: { match } }: Move<MatchState, MatchSubject>): Promise<void> {
    await this.progress.reserveSeat(match.challengeId, await this.matches.confirmedCount(match.challengeId));
  }
}

/** A confirmed match starts its track; its challenge is matched once every seat is confirmed. */
@Injectable()
@FillsHookSlot(matchLifecycle.hooks.confirmed, 'tracks')
export class ConfirmedMatchStartsTrack implements LifecycleHook<MatchState, MatchSubject> {
  constructor(
    private readonly matches: MatchesService,
    private readonly tracks: TrackStarter,
    private readonly progress: ChallengeProgress,
  ) {}

  async run({ subject: { match } }: Move<MatchState, MatchSubject>): Promise<void> {
    await this.tracks.startFor(match);
    await this.progress.noteMatchConfirmed(match.challengeId, await this.matches.confirmedCount(match.challengeId));
  }
}

/** Both sides hear the outcome of their answers: confirmed, with the track that started, or declined. */
@Injectable()
@FillsHookSlot(matchLifecycle.hooks.told, 'tracks')
export class MatchSidesTold implements LifecycleHook<MatchState, MatchSubject> {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly matches: MatchesService,
  ) {}

  async run({ subject: { match }, to }: Move<MatchState, MatchSubject>): Promise<void> {
    if (to === 'declined') {
      return this.matches.notifyBothSides(match, 'match.declined', {
        title: { sv: 'Matchningsförslaget avböjdes', en: 'The match proposal was declined' },
        body: { sv: 'Platsen är ledig för nästa matchning.', en: 'The seat is free for the next matching run.' },
      });
    }
    // The `confirmed` slot, declared before this one, has started the track.
    const track = await this.txHost.tx.getRepository(Track).findOneByOrFail({ matchId: match.id });
    await this.matches.notifyBothSides(match, 'match.confirmed', {
      title: { sv: 'Matchningen är bekräftad', en: 'The match is confirmed' },
      body: { sv: 'Båda parter har tackat ja. Ert spår har startat.', en: 'Both sides accepted. Your track has started.' },
      trackId: track.id,
    });
  }
}
