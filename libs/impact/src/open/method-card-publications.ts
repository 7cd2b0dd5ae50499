import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, AppConfig, assertPublishable, AuditTrail, ConflictError, CurrentActor, NotFoundError } from '@samverka/platform';
import { MethodCard, MethodCardPublication, MethodCardVersion, type Licence } from '../method-cards/method-card.entity.js';
import { PublishableMethodCards } from '../access/impact-access.js';
import { citationOf, openVersionUrl, slugOf } from './open-addresses.js';

/**
 * Publishing method card versions as open data. A published version is fixed (versions never
 * change, and its licence and citation are set once); unpublishing withdraws its content but
 * keeps its address answering 410 with the citation.
 */
@Injectable()
export class MethodCardPublications {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  private get publications() {
    return this.txHost.tx.getRepository(MethodCardPublication);
  }

  /** Every publication of a card, newest version first, for the managers who publish. */
  async ofCard(cardId: string): Promise<MethodCardPublication[]> {
    const card = await this.access.require(PublishableMethodCards, 'publish', cardId);
    const publications = await this.publications.find({ where: { cardId }, order: { version: 'DESC' } });
    return publications.map((publication) => Object.assign(publication, { card }));
  }

  /**
   * Publishes a version under a licence, once its text passes the personal-data check (409 naming
   * the fields). Publishing it again under the same licence changes nothing, or republishes it
   * when it was withdrawn; under another licence it is refused (409).
   */
  async publish(cardId: string, version: number, licence: Licence): Promise<MethodCardPublication> {
    return this.txHost.withTransaction(async () => {
      const card = await this.access.require(PublishableMethodCards, 'publish', cardId, { lock: 'pessimistic_write' });
      if (card.originUrl) throw new ConflictError('method_card_imported', 'An imported method card is published by the installation it came from.');
      const content = await this.version(cardId, version);
      const existing = await this.publications.findOneBy({ cardId, version });
      if (existing) {
        if (existing.licence !== licence) {
          throw new ConflictError('method_card_publication_fixed', `Version ${version} was published under ${existing.licence}; it keeps that licence.`, { licence: existing.licence });
        }
        existing.card = card;
        if (!existing.unpublishedAt) return existing;
        const withdrawnAt = existing.unpublishedAt.toISOString();
        Object.assign(existing, { unpublishedAt: null, unpublishedBy: null });
        await this.publications.save(existing);
        await this.audit.record({ action: 'method_card.republished', entityType: 'method_card', entityId: cardId, from: 'unpublished', to: 'published', details: { version, licence, withdrawnAt } });
        return existing;
      }
      assertPublishable({ title: content.title, whenToUse: content.whenToUse, steps: content.steps, evidence: content.evidence }, await this.users.knownNames());
      card.slug ??= await this.freeSlug(slugOf(content.title), cardId);
      await this.txHost.tx.getRepository(MethodCard).update({ id: cardId }, { slug: card.slug });
      const publishedAt = new Date();
      const citation = citationOf({ title: content.title, installation: this.config.INSTALLATION_NAME, version, publishedAt, licence, url: openVersionUrl(this.config.PUBLIC_URL, card.slug, version) });
      const publication = this.publications.create({ cardId, version, licence, citation, publishedAt, publishedBy: this.actor.required.id, ...(await this.facets(content)) });
      await this.publications.insert(publication);
      await this.audit.record({ action: 'method_card.published', entityType: 'method_card', entityId: cardId, to: 'published', details: { version, licence } });
      return Object.assign(publication, { card });
    });
  }

  /** Withdraws a published version: its address then answers 410 with the citation. Withdrawing it again changes nothing. */
  async unpublish(cardId: string, version: number): Promise<MethodCardPublication> {
    return this.txHost.withTransaction(async () => {
      const card = await this.access.require(PublishableMethodCards, 'publish', cardId, { lock: 'pessimistic_write' });
      const publication = await this.publications.findOneBy({ cardId, version });
      if (!publication) throw new NotFoundError('Publication of method card version', `${cardId}/${version}`);
      publication.card = card;
      if (publication.unpublishedAt) return publication;
      Object.assign(publication, { unpublishedAt: new Date(), unpublishedBy: this.actor.required.id });
      await this.publications.save(publication);
      await this.audit.record({ action: 'method_card.unpublished', entityType: 'method_card', entityId: cardId, from: 'published', to: 'unpublished', details: { version, licence: publication.licence } });
      return publication;
    });
  }

  private async version(cardId: string, version: number): Promise<MethodCardVersion> {
    const found = await this.txHost.tx.getRepository(MethodCardVersion).findOneBy({ cardId, version });
    if (!found) throw new NotFoundError('Method card version', `${cardId}/${version}`);
    return found;
  }

  /** The slug, or the slug with the first free number after it when another card has it. */
  private async freeSlug(base: string, cardId: string): Promise<string> {
    const taken = await this.txHost.tx
      .getRepository(MethodCard)
      .createQueryBuilder('c')
      .select('c.slug', 'slug')
      .where('c.id <> :cardId AND (c.slug = :base OR c.slug LIKE :numbered)', { cardId, base, numbered: `${base}-%` })
      .getRawMany<{ slug: string }>();
    const used = new Set(taken.map((row) => row.slug));
    if (!used.has(base)) return base;
    let n = 2;
    while (used.has(`${base}-${n}`)) n += 1;
    return `${base}-${n}`;
  }

  /**
   * What the card is about, from the learnings it quotes: their tags, and the goals and places
   * of the challenges of their tracks (the challenge's municipality, else its department's).
   */
  private async facets(content: MethodCardVersion): Promise<Pick<MethodCardPublication, 'sdgs' | 'tags' | 'municipalityCodes' | 'countyCodes'>> {
    const learningIds = content.learnings.map((l) => l.learningId);
    const [row] = (await this.txHost.tx.query(
      `SELECT
         coalesce((SELECT array_agg(DISTINCT tag ORDER BY tag) FROM track_learnings l, unnest(l.tags) tag WHERE l.id = ANY($1::uuid[])), '{}') AS tags,
         coalesce((SELECT array_agg(DISTINCT sdg ORDER BY sdg) FROM track_learnings l JOIN tracks t ON t.id = l.track_id JOIN challenges ch ON ch.id = t.challenge_id, unnest(ch.sdgs) sdg WHERE l.id = ANY($1::uuid[])), '{}') AS sdgs,
         coalesce((SELECT array_agg(DISTINCT m.code ORDER BY m.code) FROM track_learnings l JOIN tracks t ON t.id = l.track_id JOIN challenges ch ON ch.id = t.challenge_id JOIN departments d ON d.id = t.department_id
           JOIN municipalities m ON m.code = coalesce(ch.municipality_code, d.municipality_code) WHERE l.id = ANY($1::uuid[])), '{}') AS municipality_codes,
         coalesce((SELECT array_agg(DISTINCT m.county_code ORDER BY m.county_code) FROM track_learnings l JOIN tracks t ON t.id = l.track_id JOIN challenges ch ON ch.id = t.challenge_id JOIN departments d ON d.id = t.department_id
           JOIN municipalities m ON m.code = coalesce(ch.municipality_code, d.municipality_code) WHERE l.id = ANY($1::uuid[])), '{}') AS county_codes`,
      [learningIds],
    )) as { tags: string[]; sdgs: number[]; municipality_codes: string[]; county_codes: string[] }[];
    return { tags: row.tags, sdgs: row.sdgs.map(Number), municipalityCodes: row.municipality_codes, countyCodes: row.county_codes };
  }
}
