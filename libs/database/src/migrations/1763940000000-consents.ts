import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Consents1763940000000 implements MigrationInterface {
  name = 'Consents1763940000000';

  async up(db: QueryRunner): Promise<void> {
    // The purposes people are asked to consent to; an installation edits the texts, each edit a new version.
    await db.query(`CREATE TABLE consent_purposes (
      key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
      text_version integer NOT NULL DEFAULT 1,
      title_sv text NOT NULL,
      title_en text NOT NULL,
      text_sv text NOT NULL,
      text_en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(
      `INSERT INTO consent_purposes (key, title_sv, title_en, text_sv, text_en) VALUES
       ('programme_contact', 'Kontakt om programmet', 'Contact about the programme',
        'Programmet får kontakta mig om aktiviteter, utlysningar och uppföljning.',
        'The programme may contact me about activities, calls and follow-up.'),
       ('newsletter', 'Nyhetsbrev', 'Newsletter',
        'Jag vill få programmets nyhetsbrev via e-post.',
        'I want to receive the programme''s newsletter by email.'),
       ('research_use', 'Forskning på anonymiserade lärdomar', 'Research use of anonymised learnings',
        'Det jag skriver om lärdomar får användas anonymiserat i forskning och metodutveckling, även om jag raderar mitt konto.',
        'What I write as learnings may be used, anonymised, in research and method development, even if I erase my account.')`,
    );
    // Every decision is kept: the current state of a consent is its latest record.
    await db.query(`CREATE TABLE consent_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      purpose text NOT NULL REFERENCES consent_purposes(key),
      text_version integer NOT NULL,
      given boolean NOT NULL,
      recorded_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX consent_records_user_idx ON consent_records (user_id, purpose, recorded_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consent_records`);
    await db.query(`DROP TABLE consent_purposes`);
  }
}
