import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { PartnerInterest, PartnerPost } from './posts/partner-post.entity.js';

const partnersPersonalColumns: readonly PersonalColumns[] = [{ entity: PartnerPost, columns: ['title', 'description', 'tags', 'hiddenReason'] }];

/**
 * What the partner board holds about a person: their posts, their interests in others' posts, and
 * reasons they gave for hiding posts as an admin. On erasure their posts go (with the interests in
 * them) and so do their interests: a post is its author's words under their name, and nothing
 * counts them. A hiding reason they wrote is blanked; the post stays hidden.
 */
@Injectable()
export class PartnersPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'partner_board', holds: partnersPersonalColumns, export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private get posts() {
    return this.txHost.tx.getRepository(PartnerPost);
  }

  private get interests() {
    return this.txHost.tx.getRepository(PartnerInterest);
  }

  private async export(userId: string): Promise<unknown> {
    return {
      posts: await this.posts.find({ where: { authorId: userId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      interests: await this.interests.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      hidingReasons: (await this.posts.find({ where: { hiddenBy: userId }, order: { hiddenAt: 'ASC', id: 'ASC' } })).map(({ id, hiddenAt, hiddenReason }) => ({ postId: id, hiddenAt, reason: hiddenReason })),
    };
  }

  private async erase(userId: string): Promise<void> {
    await this.interests.delete({ userId });
    await this.posts.delete({ authorId: userId });
    await this.posts.update({ hiddenBy: userId }, { hiddenBy: null, hiddenReason: '' });
  }
}
