import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763930000000 implements MigrationInterface {
  name = 'Notifications1763930000000';

  async up(db: QueryRunner): Promise<void> {
    // Written in the same transaction as the change it tells about; the worker delivers it.
    await db.query(`CREATE TABLE outbox_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL,
      recipient_id uuid REFERENCES users(id) ON DELETE CASCADE,
      recipient_email citext,
      payload jsonb NOT NULL,
      send_email boolean NOT NULL DEFAULT true,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      claimed_until timestamptz(3),
      attempts integer NOT NULL DEFAULT 0,
      email_sent_at timestamptz(3),
      delivered_at timestamptz(3),
      last_error text,
      CHECK (recipient_id IS NOT NULL OR recipient_email IS NOT NULL))`);
    await db.query(`CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE delivered_at IS NULL`);

    await db.query(`CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      type text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      read_at timestamptz(3))`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE outbox_messages`);
  }
}
