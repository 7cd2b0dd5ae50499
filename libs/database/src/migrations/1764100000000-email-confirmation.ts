import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailConfirmation1764100000000 implements MigrationInterface {
  name = 'EmailConfirmation1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN email_confirmed_at timestamptz(3)`);
    // Accounts made before confirmation existed keep working as they did.
    await db.query(`UPDATE users SET email_confirmed_at = created_at`);

    // One pending link per account: a new registration of the address replaces it.
    await db.query(`CREATE TABLE email_confirmations (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz(3) NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_confirmations`);
    await db.query(`ALTER TABLE users DROP COLUMN email_confirmed_at`);
  }
}
