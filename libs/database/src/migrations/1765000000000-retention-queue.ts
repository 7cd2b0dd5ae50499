import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily retention job's queue, the last one the worker still created as it started. Workers
 * started together deadlocked creating it (each one's new partition waits on the other's queue
 * row), so every queue now comes from a migration, which runs once. On installations where a
 * worker has created it already, `create_queue` leaves it as it is.
 */
export class RetentionQueue1765000000000 implements MigrationInterface {
  name = 'RetentionQueue1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`SELECT pgboss.create_queue('retention', '{"policy":"standard"}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT pgboss.delete_queue('retention')`);
  }
}
