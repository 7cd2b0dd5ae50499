import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, ConflictError } from '@samverka/platform';
import { challengeLifecycle, type ChallengeState } from './challenges/challenge-lifecycle.js';
import { Challenge } from './challenges/challenge.entity.js';

/**
 * The journey moves challenges on: `matched` when every seat is confirmed, `in_test` when a
 * first track enters the test environment, `completed` when all its tracks have ended.
 * Called inside the journey's transaction, so the challenge moves with the change that moved it.
 */
/** Runs inside a withdrawal's transaction, after the challenge row is locked; throws to refuse it. */
export type WithdrawalCheck = (challengeId: string) => Promise<void>;

@Injectable()
export class ChallengeProgress {
  private readonly withdrawalChecks: WithdrawalCheck[] = [];

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
  ) {}

  /** Lets the journey refuse a withdrawal (confirmed matches) or release what it holds (proposals). */
  onWithdrawal(check: WithdrawalCheck): void {
    this.withdrawalChecks.push(check);
  }

  async beforeWithdrawal(challengeId: string): Promise<void> {
    for (const check of this.withdrawalChecks) await check(challengeId);
  }

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
    challengeLifecycle.assertMove(from, to);
    challenge.state = to;
    await this.txHost.tx.getRepository(Challenge).save(challenge);
    await this.audit.record({ action: 'challenge.transitioned', entityType: 'challenge', entityId: challenge.id, from, to, reason });
  }
}
