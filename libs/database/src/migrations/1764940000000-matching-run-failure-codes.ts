import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed matching run keeps a code the app words, instead of the engine's English message,
 * which named participants and challenges by id (it goes to the worker's log now).
 */
export class MatchingRunFailureCodes1764940000000 implements MigrationInterface {
  name = 'MatchingRunFailureCodes1764940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matching_runs ADD COLUMN failure_code text`);
    // The messages written so far: the engine's rejection of the input, or the worker's vague one.
    await db.query(`UPDATE matching_runs SET failure_code = CASE
        WHEN failure_reason LIKE '%unknown % id%' THEN 'pair_not_in_run'
        WHEN failure_reason LIKE 'The run cannot be made:%' THEN 'pins_conflict'
        ELSE 'internal_error' END
      WHERE status = 'failed'`);
    await db.query(`ALTER TABLE matching_runs
      DROP COLUMN failure_reason,
      ADD CONSTRAINT matching_runs_failure_code_check CHECK (failure_code IN ('pins_conflict', 'pair_not_in_run', 'timed_out', 'internal_error')),
      ADD CONSTRAINT matching_runs_failed_check CHECK ((status = 'failed') = (failure_code IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matching_runs
      DROP CONSTRAINT matching_runs_failed_check, DROP CONSTRAINT matching_runs_failure_code_check,
      ADD COLUMN failure_reason text`);
    await db.query(`UPDATE matching_runs SET failure_reason = failure_code WHERE failure_code IS NOT NULL`);
    await db.query(`ALTER TABLE matching_runs DROP COLUMN failure_code`);
  }
}
