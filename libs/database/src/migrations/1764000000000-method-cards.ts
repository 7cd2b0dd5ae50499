import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MethodCards1764000000000 implements MigrationInterface {
  name = 'MethodCards1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // The card is the identity and the pointer to its current version; the content lives in the versions.
    await db.query(`CREATE TABLE method_cards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_by uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);

    // Versions are never changed, so tracks that used an old one can still read what they used.
    // Linked learnings are copies (learning id, kind, excerpt, author): the card outlives the learning; the author is never shown.
    await db.query(`CREATE TABLE method_card_versions (
      card_id uuid NOT NULL REFERENCES method_cards(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      title text NOT NULL,
      when_to_use text NOT NULL,
      steps text[] NOT NULL CHECK (cardinality(steps) >= 1),
      evidence text NOT NULL,
      learnings jsonb NOT NULL CHECK (jsonb_typeof(learnings) = 'array' AND jsonb_array_length(learnings) >= 1),
      author_id uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('swedish'::regconfig, when_to_use), 'B') ||
        setweight(to_tsvector('english'::regconfig, when_to_use), 'B')
      ) STORED,
      PRIMARY KEY (card_id, version))`);
    await db.query(`CREATE INDEX method_card_versions_search_idx ON method_card_versions USING gin (search_vector)`);
    await db.query(`CREATE INDEX method_card_versions_created_idx ON method_card_versions (created_at, card_id)`);
    // An erasure finds the excerpts quoting a person's learnings by their author.
    await db.query(`CREATE INDEX method_card_versions_learnings_idx ON method_card_versions USING gin (learnings jsonb_path_ops)`);

    await db.query(`CREATE TABLE method_card_uses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      card_id uuid NOT NULL,
      version integer NOT NULL,
      recorded_by uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      FOREIGN KEY (card_id, version) REFERENCES method_card_versions(card_id, version) ON DELETE CASCADE,
      UNIQUE (track_id, card_id, version))`);
    await db.query(`CREATE INDEX method_card_uses_track_idx ON method_card_uses (track_id, created_at, id)`);
    await db.query(`CREATE INDEX method_card_uses_card_idx ON method_card_uses (card_id, track_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['method_card_uses', 'method_card_versions', 'method_cards']) await db.query(`DROP TABLE ${table}`);
  }
}
