import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationRevocation1764860000000 implements MigrationInterface {
  name = 'InvitationRevocation1764860000000';

  async up(db: QueryRunner): Promise<void> {
    // A revoked invitation is kept (like an accepted one) until retention removes it, so the list can say what became of it.
    await db.query(`ALTER TABLE invitations
      ADD COLUMN revoked_at timestamptz(3),
      ADD COLUMN revoked_by uuid CONSTRAINT invitations_revoked_by_fkey REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invitations DROP COLUMN revoked_by, DROP COLUMN revoked_at`);
  }
}
