import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { CurrentActor } from '../context/actor.js';
import { OutboxMessage, type OutboxPayload } from './outbox-message.entity.js';

export interface Notice extends OutboxPayload {
  /** e.g. `match.proposed`: what happened, for filtering and templates. */
  type: string;
  /** People with an account get an in-app notification and, unless `emailToo` is false, an email. */
  recipientIds: string[];
  emailToo?: boolean;
  /** Who wrote the words in the body, when not whoever made the change (a reminder quoting a milestone). */
  wordsBy?: string | null;
  /** Whom the words in the body are about, when not their author. */
  wordsAbout?: string;
}

/**
 * Notifications leave through the outbox: written in the transaction of the change they
 * tell about, so a rolled-back change tells nobody, and delivered later by the worker.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly actor: CurrentActor,
  ) {}

  async notify(notice: Notice): Promise<void> {
    const recipients = [...new Set(notice.recipientIds)];
    if (!recipients.length) return;
    const payload: OutboxPayload = { title: notice.title, body: notice.body, data: notice.data };
    // Whoever made the change is taken to have written what the body says, so erasing them blanks
    // it without each notice having to say so.
    const words = { authorId: notice.wordsBy !== undefined ? notice.wordsBy : (this.actor.optional?.id ?? null), subjectId: notice.wordsAbout ?? null };
    await this.txHost.tx.getRepository(OutboxMessage).insert(
      recipients.map((recipientId) => ({ type: notice.type, recipientId, payload, sendEmail: notice.emailToo ?? true, ...words }) as QueryDeepPartialEntity<OutboxMessage>),
    );
  }

  /** A message for someone without an account (a public form's sign-up): e-mail only, in Swedish. */
  async mailTo(address: string, message: Pick<Notice, 'type' | 'title' | 'body' | 'data'>): Promise<void> {
    const payload: OutboxPayload = { title: message.title, body: message.body, data: message.data };
    await this.txHost.tx.getRepository(OutboxMessage).insert({ type: message.type, recipientEmail: address, payload, sendEmail: true, authorId: null, subjectId: null } as QueryDeepPartialEntity<OutboxMessage>);
  }
}
