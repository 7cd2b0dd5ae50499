import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, assertPublishable, AuditTrail, ConflictError, CurrentActor, NotFoundError } from '@samverka/platform';
import { In } from 'typeorm';
import { LearningRecords } from '../access/track-access.js';
import { TrackLearningApproval } from './learning-approval.entity.js';
import type { TrackLearning } from './track-entries.entity.js';

/** The digest an approval keeps of the text it approved; PostgreSQL computes the same (see `approvalHolds`). */
export const textDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SQL: the learning at `learning` has an approval that still holds, i.e. one given for its
 * current text. For the open-data read models, which publish a text only then.
 */
export const approvalHolds = (learning: string): string =>
  `EXISTS (SELECT 1 FROM track_learning_approvals approval WHERE approval.learning_id = ${learning}.id
    AND approval.text_digest = encode(sha256(convert_to(${learning}.text, 'UTF8')), 'hex'))`;

/**
 * A manager's approval of a learning's text for publication. Approving is one of the two
 * conditions for the text to be published (the other is its author's consent to research use,
 * checked when it is read); the approval lapses when the text changes and is removed when the
 * author is erased.
 */
@Injectable()
export class LearningPublication {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly users: UsersService,
  ) {}

  private get approvals() {
    return this.txHost.tx.getRepository(TrackLearningApproval);
  }

  /** The learning, if it is on the track and the caller manages the track's cohort; else 404. */
  private async learningToApprove(trackId: string, learningId: string): Promise<TrackLearning> {
    const learning = await this.access.require(LearningRecords, 'approve', learningId, { lock: 'pessimistic_write' });
    if (learning.trackId !== trackId) throw new NotFoundError('TrackLearning', learningId);
    return learning;
  }

  async approve(trackId: string, learningId: string): Promise<TrackLearningApproval> {
    return this.txHost.withTransaction(async () => {
      const learning = await this.learningToApprove(trackId, learningId);
      if (!learning.authorId) throw new ConflictError('learning_author_erased', 'The author of this learning has erased their account; its text is not published.');
      assertPublishable({ text: learning.text }, await this.users.knownNames());
      const approval = await this.approvals.save(this.approvals.create({ learningId, textDigest: textDigest(learning.text), approvedBy: this.actor.required.id, approvedAt: new Date() }));
      await this.audit.record({ action: 'track.learning_text_approved', entityType: 'track', entityId: trackId, to: 'approved', details: { entryId: learningId } });
      return approval;
    });
  }

  /** Takes the text off publication; the learning still counts in its group. Withdrawing twice changes nothing. */
  async withdraw(trackId: string, learningId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.learningToApprove(trackId, learningId);
      const { affected } = await this.approvals.delete({ learningId });
      if (affected) await this.audit.record({ action: 'track.learning_text_withdrawn', entityType: 'track', entityId: trackId, from: 'approved', to: 'withdrawn', details: { entryId: learningId } });
    });
  }

  /** When each of the learnings' texts was approved, for those whose approval still holds. */
  async approvedAt(learnings: readonly TrackLearning[]): Promise<Map<string, Date>> {
    if (!learnings.length) return new Map();
    const approvals = await this.approvals.findBy({ learningId: In(learnings.map((l) => l.id)) });
    const digests = new Map(learnings.map((l) => [l.id, textDigest(l.text)]));
    return new Map(approvals.filter((a) => digests.get(a.learningId) === a.textDigest).map((a) => [a.learningId, a.approvedAt]));
  }
}
