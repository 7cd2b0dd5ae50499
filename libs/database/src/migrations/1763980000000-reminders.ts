import type { MigrationInterface, QueryRunner } from 'typeorm';

const REMINDER_QUEUES = ['match-response-reminders', 'review-reminders', 'milestone-reminders'];

export class Reminders1763980000000 implements MigrationInterface {
  name = 'Reminders1763980000000';

  async up(db: QueryRunner): Promise<void> {
    // One row per reminder told: its key refuses a second reminder of the same thing to the same person on the same day.
    await db.query(`CREATE TABLE reminders_sent (
      kind text NOT NULL,
      subject_id uuid NOT NULL,
      recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      sent_on date NOT NULL,
      PRIMARY KEY (kind, subject_id, recipient_id, sent_on))`);
    await db.query(`CREATE INDEX reminders_sent_sent_on_idx ON reminders_sent (sent_on)`);
    // Each pg-boss queue is a partition table, created without a lock: two workers starting at
    // once and creating several queues deadlock. Made here, the workers find them in place.
    for (const queue of REMINDER_QUEUES) await db.query(`SELECT pgboss.create_queue($1, '{"policy":"standard"}')`, [queue]);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const queue of REMINDER_QUEUES) await db.query(`SELECT pgboss.delete_queue($1)`, [queue]);
    await db.query(`DROP TABLE reminders_sent`);
  }
}
