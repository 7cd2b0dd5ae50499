import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenLearnings1764600000000 implements MigrationInterface {
  name = 'OpenLearnings1764600000000';

  async up(db: QueryRunner): Promise<void> {
    // A manager decides per cohort whether its aggregated learnings and impact figures are open data.
    await db.query(`ALTER TABLE cohorts ADD COLUMN publishes_open_data boolean NOT NULL DEFAULT false`);
    // A manager's approval of one learning's text for publication. It holds the digest of the
    // text it approved (not a copy, so erasure has nothing more to reach): once the text
    // changes, the digests differ and the approval has lapsed.
    await db.query(`CREATE TABLE track_learning_approvals (
      learning_id uuid PRIMARY KEY REFERENCES track_learnings(id) ON DELETE CASCADE,
      text_digest text NOT NULL,
      approved_by uuid,
      approved_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE track_learning_approvals`);
    await db.query(`ALTER TABLE cohorts DROP COLUMN publishes_open_data`);
  }
}
