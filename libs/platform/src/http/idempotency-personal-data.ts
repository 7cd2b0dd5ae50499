import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry } from '../personal-data/personal-data.registry.js';

/**
 * Replies kept for a day so that a retried POST gets its first answer again. A reply may quote
 * what the person wrote: erasure deletes those the person asked for and those that name them
 * (by id), at the cost of such a retry running again instead of being replayed.
 */
@Injectable()
export class IdempotencyPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'idempotencyKeys', holds: [], export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private async export(userId: string): Promise<unknown> {
    const rows: { key: string; created_at: Date }[] = await this.txHost.tx.query(`SELECT key, created_at FROM idempotency_keys WHERE owner = $1 ORDER BY created_at, key`, [userId]);
    return rows.map((row) => ({ key: row.key, createdAt: row.created_at.toISOString() }));
  }

  private async erase(userId: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM idempotency_keys WHERE owner = $1 OR strpos(response_body::text, $1) > 0`, [userId]);
  }
}
