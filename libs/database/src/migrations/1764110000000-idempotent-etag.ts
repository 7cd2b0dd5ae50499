import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotentEtag1764110000000 implements MigrationInterface {
  name = 'IdempotentEtag1764110000000';

  async up(db: QueryRunner): Promise<void> {
    // A replayed answer carries the version ETag of the resource it shows, as the first one did.
    await db.query(`ALTER TABLE idempotency_keys ADD COLUMN etag text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_keys DROP COLUMN etag`);
  }
}
