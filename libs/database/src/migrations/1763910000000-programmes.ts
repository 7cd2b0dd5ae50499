import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programmes, cohorts, entrepreneur profiles, applications and reviewing (issue 4). */
export class Programmes1763910000000 implements MigrationInterface {
  name = 'Programmes1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      default_questions jsonb NOT NULL DEFAULT '[]',
      default_rubric jsonb NOT NULL DEFAULT '[]',
      default_graduation_criteria jsonb NOT NULL DEFAULT '[]',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX programmes_created_idx ON programmes (created_at, id)`);

    await db.query(`CREATE TABLE programme_managers (
      programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (programme_id, user_id))`);
    await db.query(`CREATE INDEX programme_managers_user_idx ON programme_managers (user_id)`);

    await db.query(`CREATE TABLE cohorts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      name text NOT NULL,
      starts_on date,
      ends_on date,
      application_opens_at timestamptz(3) NOT NULL,
      application_closes_at timestamptz(3) NOT NULL,
      seats integer NOT NULL CHECK (seats >= 1),
      questions jsonb NOT NULL DEFAULT '[]',
      rubric jsonb NOT NULL DEFAULT '[]',
      graduation_criteria jsonb NOT NULL DEFAULT '[]',
      languages text[] NOT NULL DEFAULT '{}',
      state text NOT NULL DEFAULT 'planning' CHECK (state IN ('planning', 'open', 'selecting', 'running', 'completed', 'archived')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CHECK (application_closes_at > application_opens_at),
      CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on))`);
    await db.query(`CREATE INDEX cohorts_programme_idx ON cohorts (programme_id, created_at, id)`);
    await db.query(`CREATE INDEX cohorts_state_idx ON cohorts (state, created_at, id)`);

    await db.query(`CREATE TABLE cohort_reviewers (
      cohort_id uuid NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (cohort_id, user_id))`);
    await db.query(`CREATE INDEX cohort_reviewers_user_idx ON cohort_reviewers (user_id)`);

    await db.query(`CREATE TABLE entrepreneur_profiles (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('social_entrepreneur', 'researcher', 'student', 'other')),
      organisation text NOT NULL DEFAULT '',
      competences text[] NOT NULL DEFAULT '{}',
      themes text[] NOT NULL DEFAULT '{}',
      sdgs smallint[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      municipality_code char(4) REFERENCES municipalities(code),
      hours_per_week integer CHECK (hours_per_week BETWEEN 0 AND 168),
      pitch text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);

    await db.query(`CREATE TABLE applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cohort_id uuid NOT NULL REFERENCES cohorts(id),
      applicant_id uuid NOT NULL REFERENCES users(id),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn')),
      answers jsonb NOT NULL DEFAULT '{}',
      submitted_at timestamptz(3),
      decided_at timestamptz(3),
      decision_note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (cohort_id, applicant_id))`);
    await db.query(`CREATE INDEX applications_cohort_state_idx ON applications (cohort_id, state, created_at, id)`);
    await db.query(`CREATE INDEX applications_applicant_idx ON applications (applicant_id)`);

    await db.query(`CREATE TABLE review_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (application_id, reviewer_id))`);
    await db.query(`CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_id)`);

    await db.query(`CREATE TABLE reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      scores jsonb NOT NULL,
      comment text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (application_id, reviewer_id))`);
    await db.query(`CREATE INDEX reviews_reviewer_idx ON reviews (reviewer_id)`);

    await db.query(`CREATE TABLE review_conflicts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reviewer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      scope text NOT NULL CHECK (scope IN ('application', 'applicant')),
      application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      applicant_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      reason text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX review_conflicts_reviewer_idx ON review_conflicts (reviewer_id, applicant_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['review_conflicts', 'reviews', 'review_assignments', 'applications', 'entrepreneur_profiles', 'cohort_reviewers', 'cohorts', 'programme_managers', 'programmes']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
