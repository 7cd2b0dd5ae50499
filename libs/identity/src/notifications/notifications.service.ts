import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { NotFoundError, paginate, type Page, type PageQueryDto } from '@samverka/platform';
import { IsNull } from 'typeorm';
import { Notification } from './notification.entity.js';

/** A person's own notifications; nobody else's are ever found. */
@Injectable()
export class NotificationsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get notifications() {
    return this.txHost.tx.getRepository(Notification);
  }

  list(userId: string, page: PageQueryDto, unreadOnly: boolean): Promise<Page<Notification>> {
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, page, { sortColumn: 'n.created_at', idColumn: 'n.id', direction: 'DESC', keyOf: (n) => [n.createdAt.toISOString(), n.id] });
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId });
    if (!notification) throw new NotFoundError('Notification', id);
    notification.readAt ??= new Date();
    return this.notifications.save(notification);
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.notifications.update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
