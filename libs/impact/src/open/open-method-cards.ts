import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { GoneError, NotFoundError, paginate, type Page, type PageQueryDto } from '@samverka/platform';
import { MethodCard, MethodCardPublication, MethodCardVersion } from '../method-cards/method-card.entity.js';
import { TS_QUERY } from '../method-cards/method-cards.service.js';

export interface OpenMethodCardFilter {
  q?: string;
  sdg?: number;
  tag?: string;
  municipality?: string;
  county?: string;
  /** The year it was published. */
  year?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A published version with its content and card: what anyone may read. */
export type PublishedVersion = MethodCardPublication & { content: MethodCardVersion; card: MethodCard };

/**
 * Method cards as open data, for anyone: only published versions, only what was published
 * (never the learnings a card quotes, nor who wrote or published it).
 */
@Injectable()
export class OpenMethodCards {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private published() {
    return this.txHost.tx
      .getRepository(MethodCardPublication)
      .createQueryBuilder('p')
      .innerJoinAndMapOne('p.content', MethodCardVersion, 'v', 'v.card_id = p.card_id AND v.version = p.version')
      .innerJoinAndMapOne('p.card', MethodCard, 'c', 'c.id = p.card_id');
  }

  /** Each card once, at its newest published version, most recently published first. */
  async list(filter: OpenMethodCardFilter, page: PageQueryDto): Promise<Page<PublishedVersion>> {
    const qb = this.published()
      .where('p.unpublished_at IS NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM method_card_publications newer WHERE newer.card_id = p.card_id AND newer.version > p.version AND newer.unpublished_at IS NULL)');
    if (filter.q) qb.andWhere(`v.search_vector @@ ${TS_QUERY}`, { q: filter.q });
    if (filter.sdg !== undefined) qb.andWhere(':sdg = ANY(p.sdgs)', { sdg: filter.sdg });
    if (filter.tag) qb.andWhere(':tag = ANY(p.tags)', { tag: filter.tag });
    if (filter.municipality) qb.andWhere(':municipality = ANY(p.municipality_codes)', { municipality: filter.municipality });
    if (filter.county) qb.andWhere(':county = ANY(p.county_codes)', { county: filter.county });
    if (filter.year !== undefined) qb.andWhere(`extract(year FROM p.published_at AT TIME ZONE 'UTC') = :year`, { year: filter.year });
    const found = await paginate(qb, page, { sortColumn: 'p.published_at', idColumn: 'p.card_id', direction: 'DESC', keyOf: (p) => [p.publishedAt.toISOString(), p.cardId] });
    return found as Page<PublishedVersion>;
  }

  /** A card's newest published version; 410 when every published version was withdrawn. */
  async latest(reference: string): Promise<PublishedVersion> {
    const cardId = await this.cardId(reference);
    const current = await this.published().where('p.card_id = :cardId AND p.unpublished_at IS NULL', { cardId }).orderBy('p.version', 'DESC').getOne();
    if (current) return current as PublishedVersion;
    throw this.withdrawn((await this.published().where('p.card_id = :cardId', { cardId }).orderBy('p.version', 'DESC').getOne()) as PublishedVersion | null, reference);
  }

  /** A card's published versions, newest first; withdrawn ones are left out. */
  async versions(reference: string, page: PageQueryDto): Promise<Page<PublishedVersion>> {
    const cardId = await this.cardId(reference);
    const qb = this.published().where('p.card_id = :cardId AND p.unpublished_at IS NULL', { cardId });
    return (await paginate(qb, page, { sortColumn: 'p.version', idColumn: 'p.card_id', direction: 'DESC', keyOf: (p) => [p.version, p.cardId] })) as Page<PublishedVersion>;
  }

  /** One published version; 410 with its citation when withdrawn, 404 when never published. */
  async version(reference: string, version: number): Promise<PublishedVersion> {
    const cardId = await this.cardId(reference);
    const found = (await this.published().where('p.card_id = :cardId AND p.version = :version', { cardId, version }).getOne()) as PublishedVersion | null;
    if (found && !found.unpublishedAt) return found;
    throw this.withdrawn(found, `${reference}/versions/${version}`);
  }

  /** The card a slug or id names, when it ever had a version published. */
  private async cardId(reference: string): Promise<string> {
    const qb = this.txHost.tx.getRepository(MethodCard).createQueryBuilder('c').select('c.id');
    qb.where(UUID.test(reference) ? 'c.id = :reference' : 'c.slug = :reference', { reference });
    const card = await qb.andWhere('EXISTS (SELECT 1 FROM method_card_publications p WHERE p.card_id = c.id)').getOne();
    if (!card) throw new NotFoundError('Published method card', reference);
    return card.id;
  }

  private withdrawn(publication: PublishedVersion | null, reference: string): Error {
    if (!publication?.unpublishedAt) return new NotFoundError('Published method card version', reference);
    return new GoneError('publication_withdrawn', `Version ${publication.version} of this method card was withdrawn from publication.`, {
      citation: publication.citation,
      licence: publication.licence,
      publishedAt: publication.publishedAt.toISOString(),
      withdrawnAt: publication.unpublishedAt.toISOString(),
    });
  }
}
