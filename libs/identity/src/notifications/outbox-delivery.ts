import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, type OutboxMessage } from '@samverka/platform';
import { DataSource } from 'typeorm';
import { Mailer } from '../mail/mailer.js';

type ClaimedMessage = Pick<OutboxMessage, 'id' | 'type' | 'payload' | 'sendEmail' | 'emailSentAt'> & {
  recipientId: string | null;
  recipientEmail: string | null;
  email: string | null;
  language: 'sv' | 'en' | null;
  status: string | null;
};

/**
 * Delivers outbox messages exactly once in effect. A batch is claimed with SKIP LOCKED, so
 * two workers never take the same message; a worker that dies mid-send leaves a claim that
 * expires, and the next delivery repeats only what has no record yet: the notification is
 * keyed by the message id, the email's sending is recorded as soon as it is done, and the
 * development .eml file is named by the message id.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger('OutboxDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /** Delivers one batch; returns how many messages it handled. */
  async deliverBatch(size = 20): Promise<number> {
    const messages = await this.claim(size);
    for (const message of messages) {
      try {
        await this.deliver(message);
      } catch (error) {
        this.logger.error({ err: error, messageId: message.id }, 'outbox delivery failed; it will be retried');
        await this.dataSource.query(`UPDATE outbox_messages SET last_error = $2, claimed_until = now() + interval '30 seconds' WHERE id = $1`, [
          message.id,
          String(error instanceof Error ? error.message : error).slice(0, 500),
        ]);
      }
    }
    return messages.length;
  }

  private async claim(size: number): Promise<ClaimedMessage[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE outbox_messages m SET claimed_until = now() + make_interval(secs => $2), attempts = m.attempts + 1
          WHERE m.id IN (SELECT id FROM outbox_messages
                          WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING m.*)
       SELECT c.id, c.type, c.payload, c.send_email AS "sendEmail", c.email_sent_at AS "emailSentAt",
              c.recipient_id AS "recipientId", c.recipient_email AS "recipientEmail",
              u.email, u.preferred_language AS language, u.status
         FROM claimed c LEFT JOIN users u ON u.id = c.recipient_id
        ORDER BY c.created_at, c.id`,
      // How long a worker may hold a claimed message before another worker may take it over.
      [size, this.config.OUTBOX_LEASE_SECONDS],
    );
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const active = message.recipientId === null || message.status === 'active';
    const language = message.language ?? 'sv';
    const title = message.payload.title[language];
    const body = message.payload.body[language];
    if (active && message.recipientId) {
      // Copied from the message as it is now, under its lock: an erasure that blanked it meanwhile is not undone.
      await this.dataSource.query(
        `INSERT INTO notifications (id, user_id, type, title, body, data, author_id, subject_id)
         SELECT id, recipient_id, type, payload->'title'->>$2, payload->'body'->>$2, payload->'data', author_id, subject_id
           FROM outbox_messages WHERE id = $1 FOR UPDATE
         ON CONFLICT (id) DO NOTHING`,
        [message.id, language],
      );
    }
    const address = message.email ?? message.recipientEmail;
    if (active && message.sendEmail && !message.emailSentAt && address) {
      await this.mailer.send({ id: message.id, to: address, subject: title, text: body });
      await this.dataSource.query(`UPDATE outbox_messages SET email_sent_at = now() WHERE id = $1`, [message.id]);
    }
    await this.dataSource.query(`UPDATE outbox_messages SET delivered_at = now(), last_error = NULL WHERE id = $1`, [message.id]);
  }
}
