import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's job queue (pg-boss 10) lives in its own schema. Its tables come from
 * pg-boss's own construction plan, run here so that every schema change goes through
 * migrations; the worker starts pg-boss with `migrate: false`. Upgrading pg-boss means a
 * new migration with `PgBoss.getMigrationPlans`.
 */
export class JobQueue1763950000000 implements MigrationInterface {
  name = 'JobQueue1763950000000';

  async up(db: QueryRunner): Promise<void> {
    // Loaded here, not with the migrations list: a start with nothing to migrate needs no pg-boss.
    const { default: PgBoss } = await import('pg-boss');
    // The plan brings its own BEGIN/COMMIT; the migration's transaction takes their place.
    const plan = PgBoss.getConstructionPlans('pgboss').replace(/^\s*(BEGIN|COMMIT);\s*$/gm, '');
    await db.query(plan);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
