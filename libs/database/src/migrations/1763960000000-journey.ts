import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Journey1763960000000 implements MigrationInterface {
  name = 'Journey1763960000000';

  async up(db: QueryRunner): Promise<void> {
    // A ranking is replaced whole: a participant ranks challenges, a department ranks participants for one challenge.
    await db.query(`CREATE TABLE preferences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      side text NOT NULL CHECK (side IN ('participant', 'challenge')),
      owner_id uuid NOT NULL,
      ranked_ids uuid[] NOT NULL,
      updated_by uuid,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (cohort_id, side, owner_id))`);

    await db.query(`CREATE TABLE matching_conflicts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      participant_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      challenge_id uuid NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
      reason text NOT NULL,
      declared_by uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (participant_id, challenge_id))`);

    await db.query(`CREATE TABLE matching_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      algorithm text NOT NULL CHECK (algorithm IN ('optimal', 'stable')),
      proposing text CHECK (proposing IN ('participants', 'challenges')),
      parameters jsonb NOT NULL,
      input jsonb NOT NULL,
      engine_version text NOT NULL,
      result jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      published_at timestamptz(3),
      published_by uuid,
      version integer NOT NULL DEFAULT 1)`);
    await db.query(`CREATE INDEX matching_runs_cohort_idx ON matching_runs (cohort_id, created_at DESC, id)`);

    await db.query(`CREATE TABLE matches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES matching_runs(id),
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      challenge_id uuid NOT NULL REFERENCES challenges(id),
      department_id uuid NOT NULL,
      participant_id uuid NOT NULL REFERENCES users(id),
      score double precision NOT NULL,
      reason jsonb NOT NULL,
      state text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'confirmed', 'declined', 'expired')),
      participant_response text CHECK (participant_response IN ('accept', 'decline')),
      participant_note text,
      participant_responded_at timestamptz(3),
      department_response text CHECK (department_response IN ('accept', 'decline')),
      department_note text,
      department_responder_id uuid,
      department_responded_at timestamptz(3),
      respond_by timestamptz(3),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);
    // A participant holds at most one live match in a cohort: the database says so too.
    await db.query(`CREATE UNIQUE INDEX matches_one_live_per_participant ON matches (cohort_id, participant_id) WHERE state IN ('proposed', 'confirmed')`);
    await db.query(`CREATE INDEX matches_challenge_idx ON matches (challenge_id, state)`);
    await db.query(`CREATE INDEX matches_cohort_idx ON matches (cohort_id, created_at, id)`);

    await db.query(`CREATE TABLE tracks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      match_id uuid NOT NULL UNIQUE REFERENCES matches(id),
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      challenge_id uuid NOT NULL REFERENCES challenges(id),
      department_id uuid NOT NULL,
      participant_id uuid NOT NULL REFERENCES users(id),
      stage text NOT NULL DEFAULT 'matched'
        CHECK (stage IN ('matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued')),
      stage_entered_at timestamptz(3) NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX tracks_cohort_idx ON tracks (cohort_id, created_at, id)`);
    await db.query(`CREATE TABLE track_stage_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      from_stage text,
      to_stage text NOT NULL,
      note text,
      actor_id uuid,
      entered_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX track_stage_history_track_idx ON track_stage_history (track_id, entered_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['track_stage_history', 'tracks', 'matches', 'matching_runs', 'matching_conflicts', 'preferences']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
