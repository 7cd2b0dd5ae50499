import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Outbox, type Reminder } from '@samverka/platform';

/** The day a reminder counts for: the jobs run on UTC, so the day does too. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** How long the record of sent reminders is kept; only today's rows guard against repeats. */
const KEEP_DAYS = 30;

/**
 * Sends reminders through the outbox, each at most once a day per person: whoever is already
 * in today's record of a reminder is skipped, so a job that runs twice tells nobody twice.
 */
@Injectable()
export class ReminderDispatch {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: Outbox,
  ) {}

  /** One transaction: a failed run records nothing and leaves nothing in the outbox, so the next run sends it all. */
  send(reminders: Reminder[]): Promise<number> {
    return this.txHost.withTransaction(async () => {
      let told = 0;
      for (const { subjectId, ...notice } of reminders) {
        const recipientIds = await this.recordToday(notice.type, subjectId, notice.recipientIds);
        await this.outbox.notify({ ...notice, recipientIds });
        told += recipientIds.length;
      }
      return told;
    });
  }

  async purge(): Promise<Record<string, number>> {
    const [, remindersSent] = await this.txHost.tx.query(`DELETE FROM reminders_sent WHERE sent_on < ${TODAY} - $1::int`, [KEEP_DAYS]);
    return { remindersSent };
  }

  /** Records today's reminder for those not yet told; returns them. */
  private async recordToday(kind: string, subjectId: string, recipientIds: string[]): Promise<string[]> {
    const recorded: { recipient_id: string }[] = await this.txHost.tx.query(
      `INSERT INTO reminders_sent (kind, subject_id, recipient_id, sent_on)
       SELECT $1, $2, recipient, ${TODAY} FROM unnest($3::uuid[]) AS recipient
       ON CONFLICT DO NOTHING RETURNING recipient_id`,
      [kind, subjectId, [...new Set(recipientIds)]],
    );
    return recorded.map((row) => row.recipient_id);
  }
}
