import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { randomUUID } from 'node:crypto';
import { CurrentActor } from '../context/actor.js';
import { insertRow } from '../database/rows.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditText } from './audit-text.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
  /** Why, in someone's words: stored apart from the event, so that erasure can delete it. */
  reason?: string | null;
  /**
   * The person the reason is about, when not its author (a note on their application, their
   * track): erasing them deletes it too. An event about a user is about that user.
   */
  subjectId?: string | null;
  /** Who acted, when not the caller (e.g. the system, or a person signing up). */
  actorId?: string | null;
  /** Never words anyone wrote, nor names or addresses: ids, counts, states, field names. */
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
    const id = randomUUID();
    const actorId = event.actorId !== undefined ? event.actorId : (this.actor.optional?.id ?? null);
    const entityId = event.entityId ?? null;
    const row: Omit<AuditEvent, 'occurredAt'> = {
      id,
      actorId,
      action: event.action,
      entityType: event.entityType,
      entityId,
      fromState: event.from ?? null,
      toState: event.to ?? null,
      requestId: this.actor.requestId ?? null,
      details: event.details ?? null,
    };
    await insertRow(this.txHost.tx, AuditEvent, row);
    if (!event.reason) return;
    const subjectId = event.subjectId !== undefined ? event.subjectId : event.entityType === 'user' ? entityId : null;
    await insertRow(this.txHost.tx, AuditText, { eventId: id, authorId: actorId, subjectId, reason: event.reason });
  }
}
