import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertVersion, AuditTrail, ConflictError, CurrentActor, NotFoundError, paginate, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { LearningDirectory } from '@samverka/tracks';
import { reuseOf, type CardReuse } from './card-reuse.js';
import { MethodCard, MethodCardUse, MethodCardVersion, type LinkedLearning } from './method-card.entity.js';

/** What a manager writes on a card; learnings already on the card keep their excerpt unless a new one is given. */
export interface MethodCardContent {
  title: string;
  whenToUse: string;
  steps: string[];
  evidence: string;
  learnings: { learningId: string; excerpt?: string }[];
}

/** A local adaptation names the card version it adapts (often an imported one). */
export interface AdaptedFrom {
  cardId: string;
  version: number;
}

export interface MethodCardFilter {
  /** Full-text search in title and when to use. */
  q?: string;
}

export interface MethodCardDetails {
  card: MethodCard;
  current: MethodCardVersion;
  reuse: CardReuse;
}

/** Swedish or English words, as written in a search box, against a version's search vector. */
export const TS_QUERY = `(websearch_to_tsquery('swedish', :q) || websearch_to_tsquery('english', :q))`;

/** Method cards: the programme's shared knowledge, readable by every signed-in user, written by managers. */
@Injectable()
export class MethodCardsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly learnings: LearningDirectory,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get cards() {
    return this.txHost.tx.getRepository(MethodCard);
  }

  private get versions() {
    return this.txHost.tx.getRepository(MethodCardVersion);
  }

  /** The current version of each card, most recently revised first. */
  list(filter: MethodCardFilter, page: PageQueryDto): Promise<Page<MethodCardVersion>> {
    const qb = this.versions.createQueryBuilder('v').innerJoin(MethodCard, 'c', 'c.id = v.card_id AND c.version = v.version');
    if (filter.q) qb.andWhere(`v.search_vector @@ ${TS_QUERY}`, { q: filter.q });
    return paginate(qb, page, { sortColumn: 'v.created_at', idColumn: 'v.card_id', direction: 'DESC', keyOf: (v) => [v.createdAt.toISOString(), v.cardId] });
  }

  async get(cardId: string): Promise<MethodCardDetails> {
    return this.details(await this.card(cardId));
  }

  /** Promotes learnings on the caller's tracks into a new card, at version 1. */
  async create(content: MethodCardContent, adaptedFrom?: AdaptedFrom): Promise<MethodCardDetails> {
    return this.txHost.withTransaction(async () => {
      if (adaptedFrom) await this.versionOf(adaptedFrom, 'adaptedFrom');
      const learnings = await this.linked(content.learnings, []);
      const card = await this.cards.save(this.cards.create({ version: 1, createdBy: this.actor.required.id, adaptedFromCardId: adaptedFrom?.cardId ?? null, adaptedFromVersion: adaptedFrom?.version ?? null }));
      await this.writeVersion(card, content, learnings);
      await this.audit.record({ action: 'method_card.created', entityType: 'method_card', entityId: card.id, details: { version: 1, learningIds: learnings.map((l) => l.learningId), ...(adaptedFrom ? { adaptedFrom } : {}) } });
      return this.details(card);
    });
  }

  /** An edit is a new version; the one it replaces stays readable. Based on a stale version, it is refused. */
  async revise(cardId: string, expectedVersion: number | undefined, content: MethodCardContent): Promise<MethodCardDetails> {
    return this.txHost.withTransaction(async () => {
      const card = await this.card(cardId, true);
      if (card.originUrl) throw new ConflictError('method_card_imported', 'An imported method card is not edited here; adapt it as a new card naming it.', { originUrl: card.originUrl });
      assertVersion('method card', expectedVersion, card.version);
      const previous = await this.version(cardId, card.version);
      const learnings = await this.linked(content.learnings, previous.learnings);
      card.version += 1;
      await this.cards.save(card);
      await this.writeVersion(card, content, learnings);
      await this.audit.record({
        action: 'method_card.revised',
        entityType: 'method_card',
        entityId: cardId,
        from: String(previous.version),
        to: String(card.version),
        details: { learningIds: learnings.map((l) => l.learningId) },
      });
      return this.details(card);
    });
  }

  /** Every version of a card, newest first. */
  async listVersions(cardId: string, page: PageQueryDto): Promise<Page<MethodCardVersion>> {
    await this.card(cardId);
    const qb = this.versions.createQueryBuilder('v').where('v.card_id = :cardId', { cardId });
    return paginate(qb, page, { sortColumn: 'v.version', idColumn: 'v.card_id', direction: 'DESC', keyOf: (v) => [v.version, v.cardId] });
  }

  async version(cardId: string, version: number): Promise<MethodCardVersion> {
    const found = await this.versions.findOneBy({ cardId, version });
    if (!found) throw new NotFoundError('Method card version', `${cardId}/${version}`);
    return found;
  }

  /** The version an adaptation names; one that does not exist is 400 naming the field. */
  private async versionOf(source: AdaptedFrom, field: string): Promise<MethodCardVersion> {
    const found = await this.versions.findOneBy({ cardId: source.cardId, version: source.version });
    if (!found) throw new ValidationFailedError([{ field, message: `method card ${source.cardId} has no version ${source.version}` }]);
    return found;
  }

  private async card(cardId: string, lock = false): Promise<MethodCard> {
    const card = await this.cards.findOne({ where: { id: cardId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!card) throw new NotFoundError('Method card', cardId);
    return card;
  }

  private async writeVersion(card: MethodCard, content: MethodCardContent, learnings: LinkedLearning[]): Promise<void> {
    const { title, whenToUse, steps, evidence } = content;
    await this.versions.insert({ cardId: card.id, version: card.version, title, whenToUse, steps, evidence, learnings, authorId: this.actor.required.id });
  }

  /**
   * The card's learnings in the order given. Learnings already on the card are carried over;
   * new ones must be on a track the caller is on — any other id is named as not found (400).
   */
  private async linked(requested: MethodCardContent['learnings'], onCard: LinkedLearning[]): Promise<LinkedLearning[]> {
    const carried = new Set(onCard.map((l) => l.learningId));
    const fresh = await this.learnings.visibleLearnings(requested.map((r) => r.learningId).filter((id) => !carried.has(id)));
    const sources = new Map<string, LinkedLearning>([
      ...onCard.map((l) => [l.learningId, l] as const),
      ...fresh.map((l) => [l.id, { learningId: l.id, kind: l.kind, excerpt: l.text, authorId: l.authorId }] as const),
    ]);
    const missing = requested.flatMap((r, index) => (sources.has(r.learningId) ? [] : [{ field: `learnings[${index}].learningId`, message: `learning ${r.learningId} was not found` }]));
    if (missing.length) throw new ValidationFailedError(missing, 'Some learnings to promote were not found.');
    return requested.flatMap((r) => {
      const source = sources.get(r.learningId);
      return source ? [{ ...source, excerpt: r.excerpt ?? source.excerpt }] : [];
    });
  }

  private async details(card: MethodCard): Promise<MethodCardDetails> {
    const used = await this.txHost.tx
      .getRepository(MethodCardUse)
      .createQueryBuilder('u')
      .select('DISTINCT u.track_id', 'trackId')
      .where('u.card_id = :cardId', { cardId: card.id })
      .getRawMany<{ trackId: string }>();
    const reuse = reuseOf(await this.learnings.standings(used.map((u) => u.trackId)));
    return { card, current: await this.version(card.id, card.version), reuse };
  }
}
