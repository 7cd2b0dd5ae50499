import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHALLENGE_STATES = `'draft', 'submitted', 'approved', 'changes_requested', 'rejected', 'matched', 'in_test', 'completed', 'withdrawn'`;

export class Challenges1763920000000 implements MigrationInterface {
  name = 'Challenges1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE departments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      organisation text NOT NULL,
      municipality_code char(4) NOT NULL REFERENCES municipalities(code),
      description text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (organisation, name))`);
    await db.query(`CREATE INDEX departments_created_idx ON departments (created_at, id)`);

    await db.query(`CREATE TABLE department_members (
      department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      added_by uuid REFERENCES users(id) ON DELETE SET NULL,
      added_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (department_id, user_id))`);
    await db.query(`CREATE INDEX department_members_user_idx ON department_members (user_id)`);

    await db.query(`CREATE TABLE test_environments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      department_id uuid NOT NULL REFERENCES departments(id),
      name text NOT NULL,
      description text,
      address text,
      municipality_code char(4) NOT NULL REFERENCES municipalities(code),
      contact_name text NOT NULL,
      contact_email text,
      contact_phone text,
      available_from date,
      available_to date,
      max_participants integer CHECK (max_participants >= 1),
      resources text,
      consent_rules text,
      written_consent_required boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CHECK (available_to IS NULL OR available_from IS NULL OR available_to >= available_from))`);
    await db.query(`CREATE INDEX test_environments_department_idx ON test_environments (department_id, created_at, id)`);

    // Search in Swedish and English at once; regconfig literals keep the expression IMMUTABLE.
    // No unaccent: Swedish stemming needs å, ä and ö as they are.
    await db.query(`CREATE TABLE challenges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      department_id uuid NOT NULL REFERENCES departments(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      problem_statement text CHECK (length(problem_statement) <= 20000),
      target_group text,
      desired_outcome text,
      themes text[] NOT NULL DEFAULT '{}',
      sdgs smallint[] NOT NULL DEFAULT '{}' CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
      competences text[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      municipality_code char(4) REFERENCES municipalities(code),
      hours_per_week smallint CHECK (hours_per_week BETWEEN 1 AND 80),
      seats smallint NOT NULL DEFAULT 1 CHECK (seats >= 1),
      test_environment_ids uuid[] NOT NULL DEFAULT '{}',
      route_to_adoption jsonb NOT NULL,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN (${CHALLENGE_STATES})),
      cohort_id uuid REFERENCES cohorts(id),
      submitted_at timestamptz(3),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('swedish'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B')
      ) STORED,
      CHECK (state <> 'approved' OR cohort_id IS NOT NULL))`);
    await db.query(`CREATE INDEX challenges_search_idx ON challenges USING gin (search_vector)`);
    await db.query(`CREATE INDEX challenges_department_idx ON challenges (department_id, created_at, id)`);
    await db.query(`CREATE INDEX challenges_cohort_idx ON challenges (cohort_id, state)`);
    await db.query(`CREATE INDEX challenges_created_idx ON challenges (created_at, id)`);
    await db.query(`CREATE INDEX challenges_review_queue_idx ON challenges (submitted_at, id) WHERE state = 'submitted'`);
    await db.query(`CREATE INDEX challenges_tags_idx ON challenges USING gin (themes, competences)`);
    await db.query(`CREATE INDEX challenges_sdgs_idx ON challenges USING gin (sdgs)`);

    await db.query(`CREATE TABLE challenge_revisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenges(id),
      number integer NOT NULL CHECK (number >= 1),
      content jsonb NOT NULL,
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (challenge_id, number))`);
    // A revision is what was submitted; it is never rewritten.
    await db.query(`CREATE FUNCTION challenge_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.content IS NOT DISTINCT FROM OLD.content AND NEW.number = OLD.number AND NEW.challenge_id = OLD.challenge_id THEN
          RETURN NEW; -- e.g. submitted_by cleared when a person is erased
        END IF;
        RAISE EXCEPTION 'challenge_revisions are immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER challenge_revisions_no_rewrite BEFORE UPDATE OR DELETE ON challenge_revisions
      FOR EACH ROW EXECUTE FUNCTION challenge_revisions_immutable()`);

    await db.query(`CREATE TABLE challenge_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      challenge_id uuid NOT NULL REFERENCES challenges(id),
      revision_number integer NOT NULL,
      decision text NOT NULL CHECK (decision IN ('approve', 'request_changes', 'reject')),
      comment text,
      cohort_id uuid REFERENCES cohorts(id),
      reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      reviewed_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (challenge_id, revision_number),
      FOREIGN KEY (challenge_id, revision_number) REFERENCES challenge_revisions (challenge_id, number),
      CHECK (decision = 'approve' OR comment IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['challenge_reviews', 'challenge_revisions', 'challenges', 'test_environments', 'department_members', 'departments']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS challenge_revisions_immutable()`);
  }
}
