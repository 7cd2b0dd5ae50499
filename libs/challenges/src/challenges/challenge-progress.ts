import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, ConflictError, Lifecycles } from '@samverka/platform';
import { challengeLifecycle, type ChallengeState } from './challenge-lifecycle.js';
import { Challenge } from './challenge.entity.js';

/**
 * The journey moves challenges on: `matched` when every seat is confirmed, `in_test` when a
 * first track enters the test environment, `completed` when all its tracks have ended.
 * Called inside the journey's transaction, so the challenge moves with the change that moved it.
 */
@Injectable()
export class ChallengeProgress {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly lifecycles: Lifecycles,
  ) {}

  /**
   * Holds the challenge row while a match is confirmed, so a withdrawal and a confirmation
   * cannot both pass: whichever locks first decides.
   */
  async reserveSeat(challengeId: string, confirmedSeats: number): Promise<void> {
    const challenge = await this.lock(challengeId);
    if (challenge.state !== 'approved' && challenge.state !== 'matched') {
      throw new ConflictError('challenge_unavailable', `The challenge is ${challenge.state}; it takes no more participants.`, { state: challenge.state });
    }
    if (confirmedSeats >= challenge.seats) throw new ConflictError('challenge_full', `All ${challenge.seats} seats of this challenge are confirmed.`);
  }

  async noteMatchConfirmed(challengeId: string, confirmedSeats: number): Promise<void> {
    const challenge = await this.lock(challengeId);
    if (challenge.state === 'approved' && confirmedSeats >= challenge.seats) await this.move(challenge, 'matched', 'every seat is confirmed');
  }

  async noteTestStarted(challengeId: string): Promise<void> {
    const challenge = await this.lock(challengeId);
    if (challenge.state === 'approved' || challenge.state === 'matched') {
      if (challenge.state === 'approved') await this.move(challenge, 'matched', 'a track started');
      await this.move(challenge, 'in_test', 'a track entered the test environment');
    }
  }

  async noteAllTracksEnded(challengeId: string): Promise<void> {
    const challenge = await this.lock(challengeId);
    if (challenge.state === 'in_test') await this.move(challenge, 'completed', 'all its tracks have ended');
  }

  private lock(challengeId: string): Promise<Challenge> {
    return this.txHost.tx.getRepository(Challenge).findOneOrFail({ where: { id: challengeId }, lock: { mode: 'pessimistic_write' } });
  }

  private async move(challenge: Challenge, to: ChallengeState, reason: string): Promise<void> {
    const from = challenge.state;
    await this.lifecycles.move(challengeLifecycle, { subject: { challengeId: challenge.id }, from, to, reason }, async () => {
      challenge.state = to;
      await this.txHost.tx.getRepository(Challenge).save(challenge);
      await this.audit.record({ action: 'challenge.transitioned', entityType: 'challenge', entityId: challenge.id, from, to, reason });
    });
  }
}
