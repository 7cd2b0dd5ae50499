import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { paginate } from '../pagination/paginate.js';
import type { Page } from '../pagination/cursor.js';
import type { PageQueryDto } from '../pagination/page-query.dto.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditText } from './audit-text.entity.js';

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Reads the trail with its words, newest first, for the admin's audit view and for a person's export. */
@Injectable()
export class AuditQuery {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private withTexts(): SelectQueryBuilder<AuditEvent> {
    return this.txHost.tx.getRepository(AuditEvent).createQueryBuilder('e').leftJoinAndMapOne('e.text', AuditText, 't', 't.event_id = e.id');
  }

  list(filter: AuditFilter, page: PageQueryDto): Promise<Page<AuditEvent>> {
    const qb = this.withTexts();
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    return paginate(qb, page, { sortColumn: 'e.occurred_at', idColumn: 'e.id', direction: 'DESC', keyOf: (e) => [e.occurredAt.toISOString(), e.id] });
  }

  /** What the person did and what was done to their account, oldest first. */
  ofPerson(userId: string): Promise<AuditEvent[]> {
    return this.withTexts()
      .where(new Brackets((who) => who.where('e.actor_id = :userId').orWhere('e.entity_id = :userId')), { userId })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }
}
