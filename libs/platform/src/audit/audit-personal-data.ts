import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type PersonalColumns } from '../personal-data/personal-data.registry.js';
import { AuditQuery } from './audit-query.js';
import { AuditText } from './audit-text.entity.js';

const auditPersonalColumns: readonly PersonalColumns[] = [{ entity: AuditText, columns: ['reason'] }];

/**
 * A person's part of the audit trail. Erasure deletes the words they wrote and the words written
 * about them; the events themselves stay, as PostgreSQL insists: who did what when, and no more.
 */
@Injectable()
export class AuditPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditQuery,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'auditEvents', holds: auditPersonalColumns, export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private async export(userId: string): Promise<unknown> {
    return (await this.audit.ofPerson(userId)).map((e) => ({
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      from: e.fromState,
      to: e.toState,
      reason: e.text?.reason ?? null,
      asActor: e.actorId === userId,
    }));
  }

  private async erase(userId: string): Promise<void> {
    await this.txHost.tx.getRepository(AuditText).createQueryBuilder().delete().where('author_id = :userId OR subject_id = :userId', { userId }).execute();
  }
}
