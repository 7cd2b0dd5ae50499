import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type ErasureOptions, type PersonalColumns } from '@samverka/platform';
import { MethodCard, MethodCardPublication, MethodCardUse, MethodCardVersion, OpenImportHost } from './method-card.entity.js';

const methodCardsPersonalColumns: readonly PersonalColumns[] = [{ entity: MethodCardVersion, columns: ['learnings'] }];

/**
 * What method cards hold about a person: cards and versions they wrote as a manager, uses they
 * recorded, and excerpts quoting their learnings. On erasure the cards stay (they are the
 * programme's knowledge, not the person's) but lose the link to them; the quoted words of their
 * learnings go unless they consented to research use — the one change ever made to a written version.
 */
@Injectable()
export class MethodCardsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'method_cards', holds: methodCardsPersonalColumns, export: (userId) => this.export(userId), erase: (userId, options) => this.erase(userId, options) });
  }

  private get versions() {
    return this.txHost.tx.getRepository(MethodCardVersion);
  }

  /** Versions quoting a learning the person wrote. */
  private quoting(userId: string): Promise<MethodCardVersion[]> {
    return this.versions.createQueryBuilder('v').where('v.learnings @> CAST(:authored AS jsonb)', { authored: JSON.stringify([{ authorId: userId }]) }).orderBy('v.card_id').addOrderBy('v.version').getMany();
  }

  private async export(userId: string): Promise<unknown> {
    const versionOrder = { cardId: 'ASC', version: 'ASC' } as const;
    return {
      cardsCreated: await this.txHost.tx.getRepository(MethodCard).find({ where: { createdBy: userId }, order: { createdAt: 'ASC' } }),
      versionsWritten: await this.versions.find({ where: { authorId: userId }, order: versionOrder }),
      usesRecorded: await this.txHost.tx.getRepository(MethodCardUse).find({ where: { recordedBy: userId }, order: { createdAt: 'ASC' } }),
      versionsPublished: await this.txHost.tx.getRepository(MethodCardPublication).find({ where: [{ publishedBy: userId }, { unpublishedBy: userId }], order: { cardId: 'ASC', version: 'ASC' } }),
      importHostsAllowed: await this.txHost.tx.getRepository(OpenImportHost).find({ where: { addedBy: userId }, order: { createdAt: 'ASC' } }),
      learningsQuoted: (await this.quoting(userId)).flatMap((v) =>
        v.learnings.filter((l) => l.authorId === userId).map(({ learningId, excerpt }) => ({ cardId: v.cardId, version: v.version, learningId, excerpt })),
      ),
    };
  }

  private async erase(userId: string, { keepAuthoredTextForResearch }: ErasureOptions): Promise<void> {
    for (const version of await this.quoting(userId)) {
      const learnings = version.learnings.map((l) => (l.authorId === userId ? { ...l, authorId: null, excerpt: keepAuthoredTextForResearch ? l.excerpt : '' } : l));
      await this.versions.update({ cardId: version.cardId, version: version.version }, { learnings });
    }
    await this.txHost.tx.getRepository(MethodCard).update({ createdBy: userId }, { createdBy: null });
    await this.versions.update({ authorId: userId }, { authorId: null });
    await this.txHost.tx.getRepository(MethodCardUse).update({ recordedBy: userId }, { recordedBy: null });
    // Who published or withdrew a version, or allowed a host, is never public; it goes with them.
    const publications = this.txHost.tx.getRepository(MethodCardPublication);
    await publications.update({ publishedBy: userId }, { publishedBy: null });
    await publications.update({ unpublishedBy: userId }, { unpublishedBy: null });
    await this.txHost.tx.getRepository(OpenImportHost).update({ addedBy: userId }, { addedBy: null });
  }
}
