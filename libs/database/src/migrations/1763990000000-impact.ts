import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Impact1763990000000 implements MigrationInterface {
  name = 'Impact1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE impact_metrics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      name text NOT NULL,
      unit text NOT NULL,
      sdgs smallint[] NOT NULL DEFAULT '{}' CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
      direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
      aggregation text NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'average')),
      baseline double precision,
      target double precision,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (programme_id, name))`);
    await db.query(`CREATE INDEX impact_metrics_programme_idx ON impact_metrics (programme_id, created_at, id)`);

    // Measurements are facts as recorded: never edited, so no version. The participant stays when
    // there is no track (yet), so a measurement always counts for its cohort.
    await db.query(`CREATE TABLE impact_measurements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      metric_id uuid NOT NULL REFERENCES impact_metrics(id) ON DELETE CASCADE,
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      participant_id uuid NOT NULL REFERENCES users(id),
      track_id uuid REFERENCES tracks(id) ON DELETE CASCADE,
      value double precision NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      evidence_text text NOT NULL,
      evidence_url text,
      follow_up boolean NOT NULL DEFAULT false,
      recorded_by uuid,
      recorded_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT impact_measurements_period CHECK (period_to >= period_from))`);
    await db.query(`CREATE INDEX impact_measurements_track_idx ON impact_measurements (track_id, recorded_at, id)`);
    await db.query(`CREATE INDEX impact_measurements_participant_idx ON impact_measurements (cohort_id, participant_id, recorded_at, id)`);
    // The reports find a cohort's measurements through the participant index (its first column is the cohort),
    // and the other contexts' rows through their indexes by cohort and track: a covering index here or on
    // track_learnings / track_stage_history gained nothing measurable (bench/reports.ts, libs/impact/README.md).
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['impact_measurements', 'impact_metrics']) await db.query(`DROP TABLE ${table}`);
  }
}
