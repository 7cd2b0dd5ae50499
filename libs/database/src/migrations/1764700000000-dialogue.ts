import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Dialogue1764700000000 implements MigrationInterface {
  name = 'Dialogue1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE dialogue_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      theme text NOT NULL,
      description text,
      starts_at timestamptz(3) NOT NULL,
      ends_at timestamptz(3),
      place text,
      link text,
      sectors text[] NOT NULL,
      facilitator text NOT NULL,
      seats smallint NOT NULL,
      votes_per_participant smallint NOT NULL DEFAULT 5,
      needs_open boolean NOT NULL DEFAULT true,
      department_id uuid,
      created_by uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT dialogue_meetings_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id),
      CONSTRAINT dialogue_meetings_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
      CONSTRAINT dialogue_meetings_seats_check CHECK (seats >= 1),
      CONSTRAINT dialogue_meetings_sectors_check CHECK (sectors <@ ARRAY['public', 'private', 'civil_society', 'academia']::text[]),
      CONSTRAINT dialogue_meetings_theme_check CHECK (length(theme) >= 1 AND length(theme) <= 200),
      CONSTRAINT dialogue_meetings_votes_check CHECK (votes_per_participant >= 1 AND votes_per_participant <= 20),
      CONSTRAINT dialogue_meetings_where_check CHECK (place IS NOT NULL OR link IS NOT NULL))`);
    await db.query(`CREATE INDEX dialogue_meetings_starts_idx ON dialogue_meetings (starts_at, id)`);

    // Sign-ups have no account: a personal token (stored hashed) is their key to cancel, add needs and vote.
    await db.query(`CREATE TABLE dialogue_signups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL,
      name text NOT NULL,
      email citext NOT NULL,
      organisation text,
      sector text NOT NULL,
      status text NOT NULL,
      token_hash text NOT NULL,
      consent_purpose text NOT NULL,
      consent_text_version integer NOT NULL,
      consented_at timestamptz(3) NOT NULL,
      attended boolean,
      reminded_at timestamptz(3),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CONSTRAINT dialogue_signups_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES dialogue_meetings(id) ON DELETE CASCADE,
      CONSTRAINT dialogue_signups_consent_purpose_fkey FOREIGN KEY (consent_purpose) REFERENCES consent_purposes(key),
      CONSTRAINT dialogue_signups_sector_check CHECK (sector IN ('public', 'private', 'civil_society', 'academia')),
      CONSTRAINT dialogue_signups_status_check CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')))`);
    await db.query(`CREATE INDEX dialogue_signups_email_idx ON dialogue_signups (email)`);
    // One live sign-up per address and meeting; a cancelled one may sign up again.
    await db.query(`CREATE UNIQUE INDEX dialogue_signups_live_key ON dialogue_signups (meeting_id, email) WHERE status <> 'cancelled'`);
    await db.query(`CREATE INDEX dialogue_signups_meeting_idx ON dialogue_signups (meeting_id, created_at, id)`);
    await db.query(`CREATE UNIQUE INDEX dialogue_signups_token_hash_key ON dialogue_signups (token_hash)`);

    await db.query(`CREATE TABLE dialogue_needs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL,
      title text NOT NULL,
      description text,
      target_group text,
      evidence text,
      department_id uuid,
      sdgs smallint[] NOT NULL DEFAULT '{}',
      tags text[] NOT NULL DEFAULT '{}',
      added_by_signup_id uuid,
      created_by uuid,
      merged_into_id uuid,
      challenge_id uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT dialogue_needs_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES dialogue_meetings(id) ON DELETE CASCADE,
      CONSTRAINT dialogue_needs_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id),
      CONSTRAINT dialogue_needs_added_by_signup_id_fkey FOREIGN KEY (added_by_signup_id) REFERENCES dialogue_signups(id) ON DELETE SET NULL,
      CONSTRAINT dialogue_needs_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
      CONSTRAINT dialogue_needs_merged_into_id_fkey FOREIGN KEY (merged_into_id) REFERENCES dialogue_needs(id),
      CONSTRAINT dialogue_needs_challenge_id_fkey FOREIGN KEY (challenge_id) REFERENCES challenges(id),
      CONSTRAINT dialogue_needs_sdgs_check CHECK (sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
      CONSTRAINT dialogue_needs_title_check CHECK (length(title) >= 1 AND length(title) <= 200))`);
    // A need becomes at most one challenge.
    await db.query(`CREATE UNIQUE INDEX dialogue_needs_challenge_key ON dialogue_needs (challenge_id) WHERE challenge_id IS NOT NULL`);
    await db.query(`CREATE INDEX dialogue_needs_meeting_idx ON dialogue_needs (meeting_id, created_at, id)`);
    await db.query(`CREATE INDEX dialogue_needs_merged_into_idx ON dialogue_needs (merged_into_id) WHERE merged_into_id IS NOT NULL`);

    await db.query(`CREATE TABLE dialogue_need_votes (
      need_id uuid NOT NULL,
      signup_id uuid NOT NULL,
      votes smallint NOT NULL,
      PRIMARY KEY (need_id, signup_id),
      CONSTRAINT dialogue_need_votes_need_id_fkey FOREIGN KEY (need_id) REFERENCES dialogue_needs(id) ON DELETE CASCADE,
      CONSTRAINT dialogue_need_votes_signup_id_fkey FOREIGN KEY (signup_id) REFERENCES dialogue_signups(id) ON DELETE CASCADE,
      CONSTRAINT dialogue_need_votes_votes_check CHECK (votes >= 1))`);
    await db.query(`CREATE INDEX dialogue_need_votes_signup_idx ON dialogue_need_votes (signup_id)`);

    // Where a challenge came from, frozen when a department drafted it from a need.
    await db.query(`ALTER TABLE challenges ADD COLUMN origin jsonb`);

    // People without an account consent on the sign-up form; the purpose is not one an account holder answers.
    await db.query(`ALTER TABLE consent_purposes ADD COLUMN for_accounts boolean NOT NULL DEFAULT true`);
    await db.query(
      `INSERT INTO consent_purposes (key, title_sv, title_en, text_sv, text_en, for_accounts) VALUES
       ('dialogue_meeting', 'Deltagande i dialogmöte', 'Taking part in a dialogue meeting',
        'Mitt namn, min e-postadress, min organisation och min sektor används för att ordna mötet, påminna mig och räkna vilka sektorer som står bakom behoven. De raderas när jag ber om det.',
        'My name, e-mail address, organisation and sector are used to arrange the meeting, remind me, and count which sectors stand behind the needs. They are erased when I ask.',
        false)`,
    );
    await db.query(`SELECT pgboss.create_queue('dialogue-meeting-reminders', '{"policy":"standard"}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT pgboss.delete_queue('dialogue-meeting-reminders')`);
    await db.query(`DROP TABLE dialogue_need_votes`);
    await db.query(`DROP TABLE dialogue_needs`);
    await db.query(`DROP TABLE dialogue_signups`);
    await db.query(`DROP TABLE dialogue_meetings`);
    await db.query(`DELETE FROM consent_purposes WHERE key = 'dialogue_meeting'`);
    await db.query(`ALTER TABLE consent_purposes DROP COLUMN for_accounts`);
    await db.query(`ALTER TABLE challenges DROP COLUMN origin`);
  }
}
