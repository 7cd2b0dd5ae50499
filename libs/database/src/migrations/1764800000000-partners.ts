import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Partners1764800000000 implements MigrationInterface {
  name = 'Partners1764800000000';

  async up(db: QueryRunner): Promise<void> {
    // A post goes with its author on erasure: it is their words, under their name.
    await db.query(`CREATE TABLE partner_posts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      author_id uuid NOT NULL,
      direction text NOT NULL,
      kind text NOT NULL,
      challenge_id uuid,
      title text NOT NULL,
      description text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      municipality_code char(4),
      ends_on date NOT NULL,
      state text NOT NULL DEFAULT 'open',
      hidden_at timestamptz(3),
      hidden_reason text,
      hidden_by uuid,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT partner_posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT partner_posts_challenge_id_fkey FOREIGN KEY (challenge_id) REFERENCES challenges(id) ON DELETE SET NULL,
      CONSTRAINT partner_posts_municipality_code_fkey FOREIGN KEY (municipality_code) REFERENCES municipalities(code),
      CONSTRAINT partner_posts_direction_check CHECK (direction IN ('look_for', 'offer')),
      CONSTRAINT partner_posts_kind_check CHECK (kind IN ('competence', 'test_environment', 'premises', 'funding', 'challenge_partner')),
      CONSTRAINT partner_posts_state_check CHECK (state IN ('open', 'withdrawn')),
      CONSTRAINT partner_posts_hidden_check CHECK ((hidden_at IS NULL) OR (hidden_reason IS NOT NULL)))`);
    await db.query(`CREATE INDEX partner_posts_created_idx ON partner_posts (created_at, id)`);
    await db.query(`CREATE INDEX partner_posts_author_idx ON partner_posts (author_id)`);
    await db.query(`CREATE INDEX partner_posts_tags_idx ON partner_posts USING gin (tags)`);

    // One interest per person and post: showing interest again after withdrawing reopens the same row.
    await db.query(`CREATE TABLE partner_interests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      post_id uuid NOT NULL,
      user_id uuid NOT NULL,
      state text NOT NULL DEFAULT 'pending',
      answered_at timestamptz(3),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      CONSTRAINT partner_interests_post_id_fkey FOREIGN KEY (post_id) REFERENCES partner_posts(id) ON DELETE CASCADE,
      CONSTRAINT partner_interests_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
      CONSTRAINT partner_interests_state_check CHECK (state IN ('pending', 'accepted', 'declined', 'withdrawn')),
      CONSTRAINT partner_interests_post_id_user_id_key UNIQUE (post_id, user_id))`);
    await db.query(`CREATE INDEX partner_interests_user_idx ON partner_interests (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['partner_interests', 'partner_posts']) await db.query(`DROP TABLE ${table}`);
  }
}
