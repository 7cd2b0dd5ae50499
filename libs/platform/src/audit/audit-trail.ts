import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { CurrentActor } from '../context/actor.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  /** Who acted, when not the caller (e.g. the system, or a person signing up). */
  actorId?: string | null;
  /** Never personal data: ids, counts, field names. */
  details?: Record<string, unknown>;
}

/**
 * Writes audit events through the request's open transaction, so a change and its event
 * commit together or not at all.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly actor: CurrentActor,
  ) {}

  async record(event: AuditRecord): Promise<void> {
    const row: Omit<AuditEvent, 'id' | 'occurredAt'> = {
      actorId: event.actorId !== undefined ? event.actorId : (this.actor.optional?.id ?? null),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      fromState: event.from ?? null,
      toState: event.to ?? null,
      reason: event.reason ?? null,
      requestId: this.actor.requestId ?? null,
      details: event.details ?? null,
    };
    await this.txHost.tx.getRepository(AuditEvent).insert(row as QueryDeepPartialEntity<AuditEvent>);
  }
}
