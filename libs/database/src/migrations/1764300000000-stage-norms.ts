import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StageNorms1764300000000 implements MigrationInterface {
  name = 'StageNorms1764300000000';

  async up(db: QueryRunner): Promise<void> {
    // Days a track normally spends in each stage of the cohort; longer is shown to the manager as stuck.
    await db.query(`ALTER TABLE cohorts ADD COLUMN stage_norm_days jsonb NOT NULL DEFAULT '{"matched":14,"co_design":42,"test_environment":56,"evaluation":28}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cohorts DROP COLUMN stage_norm_days`);
  }
}
