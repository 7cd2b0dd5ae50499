import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tracks1763970000000 implements MigrationInterface {
  name = 'Tracks1763970000000';

  async up(db: QueryRunner): Promise<void> {
    // The gates' evidence and the graduation live on the track itself: one participant, one track.
    await db.query(`ALTER TABLE tracks
      ADD COLUMN test_plan jsonb,
      ADD COLUMN criteria_met text[] NOT NULL DEFAULT '{}',
      ADD COLUMN graduated_on date,
      ADD COLUMN outcome text CHECK (outcome IN ('adopted_by_department', 'continued_as_venture', 'procured', 'stopped_with_lessons', 'other')),
      ADD COLUMN outcome_summary text,
      ADD COLUMN discontinued_reason text,
      ADD CONSTRAINT tracks_graduation_recorded CHECK (stage <> 'graduated' OR (graduated_on IS NOT NULL AND outcome IS NOT NULL AND outcome_summary IS NOT NULL)),
      ADD CONSTRAINT tracks_discontinuation_explained CHECK (stage <> 'discontinued' OR discontinued_reason IS NOT NULL)`);
    await db.query(`CREATE INDEX tracks_challenge_idx ON tracks (challenge_id, stage)`);
    await db.query(`CREATE INDEX tracks_stage_idx ON tracks (stage, created_at, id)`);
    await db.query(`CREATE INDEX tracks_participant_idx ON tracks (participant_id)`);
    await db.query(`CREATE INDEX tracks_department_idx ON tracks (department_id)`);

    await db.query(`CREATE TABLE track_milestones (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      title text NOT NULL,
      due_on date NOT NULL,
      done_at timestamptz(3),
      author_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX track_milestones_track_idx ON track_milestones (track_id, due_on, id)`);

    await db.query(`CREATE TABLE track_test_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      held_on date NOT NULL,
      test_environment_id uuid NOT NULL REFERENCES test_environments(id),
      users_involved integer NOT NULL CHECK (users_involved >= 0),
      what_was_tried text NOT NULL,
      what_was_observed text NOT NULL,
      consent_obtained boolean NOT NULL,
      author_id uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX track_test_sessions_track_idx ON track_test_sessions (track_id, held_on, id)`);

    await db.query(`CREATE TABLE track_learnings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('insight', 'obstacle', 'enabler', 'method')),
      text text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      author_id uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX track_learnings_track_idx ON track_learnings (track_id, created_at, id)`);
    // Obstacles and enablers are aggregated across tracks by kind and tag.
    await db.query(`CREATE INDEX track_learnings_tags_idx ON track_learnings USING gin (tags)`);

    for (const [table, dateColumn] of [
      ['track_notes', null],
      ['track_follow_ups', 'followed_up_on date NOT NULL,'],
    ] as const) {
      await db.query(`CREATE TABLE ${table} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        ${dateColumn ?? ''}
        text text NOT NULL,
        author_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now())`);
      await db.query(`CREATE INDEX ${table}_track_idx ON ${table} (track_id, created_at, id)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['track_follow_ups', 'track_notes', 'track_learnings', 'track_test_sessions', 'track_milestones']) await db.query(`DROP TABLE ${table}`);
    for (const index of ['tracks_department_idx', 'tracks_participant_idx', 'tracks_stage_idx', 'tracks_challenge_idx']) await db.query(`DROP INDEX ${index}`);
    await db.query(`ALTER TABLE tracks
      DROP CONSTRAINT tracks_discontinuation_explained,
      DROP CONSTRAINT tracks_graduation_recorded,
      DROP COLUMN discontinued_reason, DROP COLUMN outcome_summary, DROP COLUMN outcome,
      DROP COLUMN graduated_on, DROP COLUMN criteria_met, DROP COLUMN test_plan`);
  }
}
