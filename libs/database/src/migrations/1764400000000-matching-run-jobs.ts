import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large matching runs are solved by the worker: a run is queued, running, done or failed, with
 * its progress; its input and result exist once the worker has them. The result's metrics are
 * kept apart too, for the list of runs. The queue the API sends
 * the runs to is created here, like the rest of pg-boss's schema.
 */
export class MatchingRunJobs1764400000000 implements MigrationInterface {
  name = 'MatchingRunJobs1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matching_runs
      ADD COLUMN status text NOT NULL DEFAULT 'done',
      ADD COLUMN progress smallint NOT NULL DEFAULT 100,
      ADD COLUMN failure_reason text,
      ADD COLUMN metrics jsonb,
      ALTER COLUMN input DROP NOT NULL,
      ALTER COLUMN result DROP NOT NULL,
      ADD CONSTRAINT matching_runs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
      ADD CONSTRAINT matching_runs_progress_check CHECK (progress BETWEEN 0 AND 100),
      ADD CONSTRAINT matching_runs_done_check CHECK (status <> 'done' OR (input IS NOT NULL AND result IS NOT NULL))`);
    // The list of runs shows their metrics without reading each run's whole input and result.
    await db.query(`UPDATE matching_runs SET metrics = result->'metrics'`);
    // A worker that dies mid-run leaves the job to expire and be tried again.
    await db.query(`SELECT pgboss.create_queue('matching-run', '{"policy": "standard", "retryLimit": 2, "expireInSeconds": 1800}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT pgboss.delete_queue('matching-run')`);
    await db.query(`DELETE FROM matching_runs WHERE status <> 'done'`);
    await db.query(`ALTER TABLE matching_runs
      DROP CONSTRAINT matching_runs_done_check, DROP CONSTRAINT matching_runs_progress_check, DROP CONSTRAINT matching_runs_status_check,
      ALTER COLUMN result SET NOT NULL, ALTER COLUMN input SET NOT NULL,
      DROP COLUMN metrics, DROP COLUMN failure_reason, DROP COLUMN progress, DROP COLUMN status`);
  }
}
