import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { paginate } from '../pagination/paginate.js';
import type { Page } from '../pagination/cursor.js';
import type { PageQueryDto } from '../pagination/page-query.dto.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Reads the trail, newest first, for the admin's audit view and for a person's export. */
@Injectable()
export class AuditQuery {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  list(filter: AuditFilter, page: PageQueryDto): Promise<Page<AuditEvent>> {
    const qb = this.txHost.tx.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    return paginate(qb, page, { sortColumn: 'e.occurred_at', idColumn: 'e.id', direction: 'DESC', keyOf: (e) => [e.occurredAt.toISOString(), e.id] });
  }
}
