import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, AuditTrail, ConflictError, CurrentActor, InvalidTransitionError, Outbox } from '@samverka/platform';
import { In } from 'typeorm';
import { PartnerInterestRecords, PartnerPostRecords } from '../access/partner-access.js';
import { PartnerInterest, PartnerPost, type InterestState } from '../posts/partner-post.entity.js';
import { TODAY_SQL } from '../posts/partner-posts.service.js';

/** Both sides have agreed: the person by showing interest, the poster by accepting. Only then are addresses shown. */
export const sharesContact = (interest: Pick<PartnerInterest, 'state'>): boolean => interest.state === 'accepted';

/** What the interested person is told of the poster's answer; the post's title is the body. */
const ANSWER_TITLES = {
  accepted: { sv: 'Din intresseanmälan är accepterad', en: 'Your interest was accepted' },
  declined: { sv: 'Din intresseanmälan fick nej den här gången', en: 'Your interest was declined this time' },
};

/** "I am interested" on a post, and the poster's answer; contact details pass only once both agree. */
@Injectable()
export class PartnerInterestsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly actor: CurrentActor,
  ) {}

  private get interests() {
    return this.txHost.tx.getRepository(PartnerInterest);
  }

  /** The poster sees every interest in their post, anyone else only their own; oldest first. */
  async onPost(postId: string): Promise<PartnerInterest[]> {
    await this.policy.require(PartnerPostRecords, 'read', postId);
    const qb = this.interests.createQueryBuilder('i').where('i.post_id = :postId', { postId });
    return (await this.policy.filter(qb, PartnerInterestRecords, 'read')).orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').getMany();
  }

  /** The caller's own interests in these posts, by post id. */
  async mineIn(postIds: readonly string[]): Promise<Map<string, PartnerInterest>> {
    if (!postIds.length) return new Map();
    const rows = await this.interests.findBy({ postId: In([...postIds]), userId: this.actor.required.id });
    return new Map(rows.map((row) => [row.postId, row]));
  }

  /** Shows interest in an open post of someone else; the poster is told. Interest withdrawn earlier can be shown again. */
  async express(postId: string): Promise<{ interest: PartnerInterest; post: PartnerPost }> {
    return this.txHost.withTransaction(async () => {
      const post = await this.policy.require(PartnerPostRecords, 'read', postId, { lock: 'pessimistic_write' });
      const me = this.actor.required.id;
      if (post.authorId === me) throw new ConflictError('own_partner_post', 'You cannot show interest in your own post.');
      if (!(await this.isOpen(post))) throw new ConflictError('partner_post_closed', 'The post takes no interest: it is withdrawn, hidden or past its end date.');
      const existing = await this.interests.findOneBy({ postId, userId: me });
      if (existing && existing.state !== 'withdrawn') {
        throw new ConflictError('already_interested', 'You have shown interest in this post already.', { state: existing.state });
      }
      const interest = await this.interests.save(existing ? Object.assign(existing, { state: 'pending', answeredAt: null }) : this.interests.create({ postId, userId: me, state: 'pending' }));
      await this.audit.record({ action: 'partner_interest.shown', entityType: 'partner_interest', entityId: interest.id, from: existing?.state ?? null, to: 'pending', details: { postId } });
      await this.outbox.notify({
        type: 'partner_post.interest',
        recipientIds: [post.authorId],
        title: { sv: 'Någon är intresserad av ditt inlägg', en: 'Someone is interested in your post' },
        body: { sv: post.title, en: post.title },
        data: { postId, interestId: interest.id },
        wordsBy: post.authorId,
      });
      return { interest, post };
    });
  }

  /** The poster accepts: from now on each sees the other's address. */
  accept(interestId: string): Promise<PartnerInterest> {
    return this.answer(interestId, 'accepted');
  }

  decline(interestId: string): Promise<PartnerInterest> {
    return this.answer(interestId, 'declined');
  }

  /** The interested person takes it back, before or after the answer; addresses are no longer shown. */
  async withdraw(interestId: string): Promise<PartnerInterest> {
    return this.txHost.withTransaction(async () => {
      const interest = await this.policy.require(PartnerInterestRecords, 'withdraw', interestId, { lock: 'pessimistic_write' });
      const from = interest.state;
      if (from === 'withdrawn') throw new InvalidTransitionError('partner interest', from, 'withdrawn', []);
      interest.state = 'withdrawn';
      const saved = await this.interests.save(interest);
      await this.audit.record({ action: 'partner_interest.withdrawn', entityType: 'partner_interest', entityId: interestId, from, to: 'withdrawn', details: { postId: interest.postId } });
      return saved;
    });
  }

  private async answer(interestId: string, to: Extract<InterestState, 'accepted' | 'declined'>): Promise<PartnerInterest> {
    return this.txHost.withTransaction(async () => {
      const interest = await this.policy.require(PartnerInterestRecords, 'answer', interestId, { lock: 'pessimistic_write' });
      const from = interest.state;
      if (from === 'withdrawn') throw new InvalidTransitionError('partner interest', from, to, ['pending']);
      if (from !== 'pending') throw new ConflictError('already_answered', 'The interest is answered already.', { state: from });
      Object.assign(interest, { state: to, answeredAt: new Date() });
      const saved = await this.interests.save(interest);
      await this.audit.record({ action: `partner_interest.${to}`, entityType: 'partner_interest', entityId: interestId, from, to, details: { postId: interest.postId } });
      const post = await this.txHost.tx.getRepository(PartnerPost).findOneByOrFail({ id: interest.postId });
      await this.outbox.notify({
        type: `partner_interest.${to}`,
        recipientIds: [interest.userId],
        title: ANSWER_TITLES[to],
        body: { sv: post.title, en: post.title },
        data: { postId: post.id, interestId },
        wordsBy: post.authorId,
      });
      return saved;
    });
  }

  private async isOpen(post: PartnerPost): Promise<boolean> {
    if (post.state !== 'open' || post.hiddenAt) return false;
    const [{ current }] = await this.txHost.tx.query<{ current: boolean }[]>(`SELECT $1::date >= ${TODAY_SQL} AS current`, [post.endsOn]);
    return current;
  }
}
