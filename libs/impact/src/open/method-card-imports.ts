import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, CurrentActor, NotFoundError } from '@samverka/platform';
import { MethodCard, MethodCardVersion, OpenImportHost, type Licence } from '../method-cards/method-card.entity.js';

/** A published version as another installation serves it at /api/open/method-cards (its fields this import keeps). */
export interface ImportedCard {
  /** The version's own public address: importing it again finds it by this. */
  url: string;
  /** The card's public address: later versions of it join the same card here. */
  cardUrl: string;
  version: number;
  title: string;
  whenToUse: string;
  steps: string[];
  evidence: string;
  licence: Licence;
  citation: string;
  publisher: string;
}

export interface ImportOutcome {
  cardId: string;
  version: number;
  /** The version's title here, as imported. */
  title: string;
  sourceUrl: string;
  /** False when the version had been imported before: nothing changed. */
  created: boolean;
}

/**
 * Method cards brought in from other installations' open data. An imported version keeps its
 * licence, citation and address; the card names its origin and is never edited here (a local
 * adaptation is a new card naming it). Each version is imported once.
 */
@Injectable()
export class MethodCardImports {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get hostsRepository() {
    return this.txHost.tx.getRepository(OpenImportHost);
  }

  hosts(): Promise<OpenImportHost[]> {
    return this.hostsRepository.find({ order: { host: 'ASC' } });
  }

  async isAllowedHost(host: string): Promise<boolean> {
    return this.hostsRepository.existsBy({ host: host.toLowerCase() });
  }

  /** Allows a host (by name); allowing it again changes nothing. Audited. */
  async allowHost(host: string): Promise<OpenImportHost> {
    return this.txHost.withTransaction(async () => {
      const name = host.toLowerCase();
      const existing = await this.hostsRepository.findOneBy({ host: name });
      if (existing) return existing;
      const allowed = await this.hostsRepository.save(this.hostsRepository.create({ host: name, addedBy: this.actor.required.id }));
      await this.audit.record({ action: 'open_import_host.allowed', entityType: 'open_import_host', details: { host: name } });
      return allowed;
    });
  }

  async removeHost(host: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const name = host.toLowerCase();
      const { affected } = await this.hostsRepository.delete({ host: name });
      if (!affected) throw new NotFoundError('Allowed import host', name);
      await this.audit.record({ action: 'open_import_host.removed', entityType: 'open_import_host', details: { host: name } });
    });
  }

  /** Imports each version not imported before, all or none. */
  async importCards(cards: ImportedCard[]): Promise<ImportOutcome[]> {
    return this.txHost.withTransaction(async () => {
      const outcomes: ImportOutcome[] = [];
      for (const card of cards) outcomes.push(await this.importOne(card));
      return outcomes;
    });
  }

  private async importOne(source: ImportedCard): Promise<ImportOutcome> {
    // Two imports of the same card at once queue here, so each version is written once.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`method-card-import:${source.cardUrl}`]);
    const versions = this.txHost.tx.getRepository(MethodCardVersion);
    const before = await versions.findOneBy({ importedFrom: source.url });
    if (before) return { cardId: before.cardId, version: before.version, title: before.title, sourceUrl: source.url, created: false };

    const cards = this.txHost.tx.getRepository(MethodCard);
    let card = await cards.findOne({ where: { originUrl: source.cardUrl }, lock: { mode: 'pessimistic_write' } });
    if (card) {
      card.version += 1;
      card.originInstallation = source.publisher;
      await cards.save(card);
    } else {
      card = await cards.save(cards.create({ version: 1, createdBy: this.actor.required.id, originUrl: source.cardUrl, originInstallation: source.publisher }));
    }
    const { title, whenToUse, steps, evidence, licence, citation } = source;
    await versions.insert({ cardId: card.id, version: card.version, title, whenToUse, steps, evidence, learnings: [], authorId: this.actor.required.id, importedFrom: source.url, licence, citation });
    await this.audit.record({
      action: 'method_card.imported',
      entityType: 'method_card',
      entityId: card.id,
      to: String(card.version),
      details: { source: source.url, sourceVersion: source.version, licence },
    });
    return { cardId: card.id, version: card.version, title, sourceUrl: source.url, created: true };
  }
}
