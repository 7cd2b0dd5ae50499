import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenKnowledge1764500000000 implements MigrationInterface {
  name = 'OpenKnowledge1764500000000';

  async up(db: QueryRunner): Promise<void> {
    // The public address of a card is its slug once published (or its id); it never changes after.
    // An imported card names where it came from; a local adaptation names the card it adapts.
    await db.query(`ALTER TABLE method_cards
      ADD COLUMN slug text CONSTRAINT method_cards_slug_key UNIQUE,
      ADD COLUMN origin_url text CONSTRAINT method_cards_origin_url_key UNIQUE,
      ADD COLUMN origin_installation text,
      ADD COLUMN adapted_from_card_id uuid,
      ADD COLUMN adapted_from_version integer,
      ADD CONSTRAINT method_cards_adapted_from_fkey FOREIGN KEY (adapted_from_card_id, adapted_from_version) REFERENCES method_card_versions(card_id, version) ON DELETE SET NULL`);

    // An imported version keeps its public address (importing it again finds it), licence and citation;
    // it quotes no learning of this installation.
    await db.query(`ALTER TABLE method_card_versions
      ADD COLUMN imported_from text CONSTRAINT method_card_versions_imported_from_key UNIQUE,
      ADD COLUMN licence text,
      ADD COLUMN citation text,
      ADD CONSTRAINT method_card_versions_imported_check CHECK ((imported_from IS NULL) = (licence IS NULL) AND (imported_from IS NULL) = (citation IS NULL))`);
    await db.query(`ALTER TABLE method_card_versions DROP CONSTRAINT method_card_versions_learnings_check`);
    await db.query(`ALTER TABLE method_card_versions ADD CONSTRAINT method_card_versions_learnings_check
      CHECK (jsonb_typeof(learnings) = 'array' AND (jsonb_array_length(learnings) >= 1 OR imported_from IS NOT NULL))`);

    // A version published as open data. Its facets (goals, tags, places) are taken from the
    // card's learnings when published, so reading them never reaches into tracks or people.
    // Unpublishing keeps the row: the address answers 410 with the citation.
    await db.query(`CREATE TABLE method_card_publications (
      card_id uuid NOT NULL,
      version integer NOT NULL,
      licence text NOT NULL CHECK (licence IN ('CC-BY-4.0', 'CC0-1.0')),
      citation text NOT NULL,
      sdgs smallint[] NOT NULL DEFAULT '{}',
      tags text[] NOT NULL DEFAULT '{}',
      municipality_codes text[] NOT NULL DEFAULT '{}',
      county_codes text[] NOT NULL DEFAULT '{}',
      published_at timestamptz(3) NOT NULL DEFAULT now(),
      published_by uuid,
      unpublished_at timestamptz(3),
      unpublished_by uuid,
      PRIMARY KEY (card_id, version),
      CONSTRAINT method_card_publications_card_id_version_fkey FOREIGN KEY (card_id, version) REFERENCES method_card_versions(card_id, version) ON DELETE CASCADE)`);
    await db.query(`CREATE INDEX method_card_publications_published_idx ON method_card_publications (published_at, card_id)`);
    await db.query(`CREATE INDEX method_card_publications_sdgs_idx ON method_card_publications USING gin (sdgs)`);
    await db.query(`CREATE INDEX method_card_publications_tags_idx ON method_card_publications USING gin (tags)`);

    // Hosts an admin allowed method cards to be imported from.
    await db.query(`CREATE TABLE open_import_hosts (
      host text PRIMARY KEY CHECK (host = lower(host) AND host <> ''),
      added_by uuid,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE open_import_hosts`);
    await db.query(`DROP TABLE method_card_publications`);
    await db.query(`DELETE FROM method_cards c WHERE EXISTS (SELECT 1 FROM method_card_versions v WHERE v.card_id = c.id AND v.imported_from IS NOT NULL)`);
    await db.query(`ALTER TABLE method_card_versions DROP CONSTRAINT method_card_versions_learnings_check`);
    await db.query(`ALTER TABLE method_card_versions ADD CONSTRAINT method_card_versions_learnings_check CHECK (jsonb_typeof(learnings) = 'array' AND jsonb_array_length(learnings) >= 1)`);
    await db.query(`ALTER TABLE method_card_versions DROP CONSTRAINT method_card_versions_imported_check, DROP COLUMN imported_from, DROP COLUMN licence, DROP COLUMN citation`);
    await db.query(`ALTER TABLE method_cards DROP CONSTRAINT method_cards_adapted_from_fkey, DROP COLUMN slug, DROP COLUMN origin_url, DROP COLUMN origin_installation, DROP COLUMN adapted_from_card_id, DROP COLUMN adapted_from_version`);
  }
}
