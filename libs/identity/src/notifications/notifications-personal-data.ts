import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutboxMessage, PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { Notification } from './notification.entity.js';

const notificationsPersonalColumns: readonly PersonalColumns[] = [
  { entity: Notification, columns: ['body'] },
  { entity: OutboxMessage, columns: ['payload', 'recipientEmail', 'lastError'] },
];

/**
 * A person's notifications, and the copies of their words in everyone else's. Erasure deletes
 * what was addressed to them, delivered or waiting, and blanks the body of every notice that
 * carries their words or words about them, so that the notice shows what its source now shows.
 */
@Injectable()
export class NotificationsPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'notifications', holds: notificationsPersonalColumns, export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private async export(userId: string): Promise<unknown> {
    const notifications = await this.txHost.tx.getRepository(Notification).find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return notifications.map((n) => ({ id: n.id, type: n.type, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null }));
  }

  private async erase(userId: string): Promise<void> {
    const db = this.txHost.tx;
    const theirWords = 'author_id = :userId OR subject_id = :userId';
    await db.getRepository(Notification).delete({ userId });
    await db.getRepository(OutboxMessage).delete({ recipientId: userId });
    // The outbox first: its row lock makes a delivery under way wait, then copy the blanked body.
    await db
      .getRepository(OutboxMessage)
      .createQueryBuilder()
      .update()
      .set({ payload: () => `jsonb_set(payload, '{body}', '{"sv": "", "en": ""}')` })
      .where(theirWords, { userId })
      .execute();
    await db.getRepository(Notification).createQueryBuilder().update().set({ body: '' }).where(theirWords, { userId }).execute();
  }
}
