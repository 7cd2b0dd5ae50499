import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events whose reason is about a person other than its author: that person's row holds the text too. */
const SUBJECT_OF_EVENT = `CASE e.entity_type
    WHEN 'user' THEN e.entity_id
    WHEN 'application' THEN (SELECT a.applicant_id FROM applications a WHERE a.id = e.entity_id)
    WHEN 'match' THEN (SELECT m.participant_id FROM matches m WHERE m.id = e.entity_id)
    WHEN 'track' THEN (SELECT t.participant_id FROM tracks t WHERE t.id = e.entity_id)
    WHEN 'matching_conflict' THEN (SELECT c.participant_id FROM matching_conflicts c WHERE c.id = e.entity_id)
  END`;

export class ErasableTexts1764010000000 implements MigrationInterface {
  name = 'ErasableTexts1764010000000';

  async up(db: QueryRunner): Promise<void> {
    // The words of an audit event live beside it, owned by their author and the person they are
    // about, so erasure can delete them while the append-only event keeps who did what when.
    // Updating a text is refused: it is kept as written or deleted, never rewritten.
    await db.query(`CREATE TABLE audit_texts (
      event_id uuid PRIMARY KEY REFERENCES audit_events(id),
      author_id uuid,
      subject_id uuid,
      reason text NOT NULL)`);
    await db.query(`CREATE INDEX audit_texts_author_idx ON audit_texts (author_id)`);
    await db.query(`CREATE INDEX audit_texts_subject_idx ON audit_texts (subject_id)`);
    await db.query(`CREATE FUNCTION audit_texts_no_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_texts are deleted on erasure, never rewritten' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_texts_no_update BEFORE UPDATE ON audit_texts FOR EACH ROW EXECUTE FUNCTION audit_texts_no_rewrite()`);
    await db.query(`INSERT INTO audit_texts (event_id, author_id, subject_id, reason)
      SELECT e.id, e.actor_id, ${SUBJECT_OF_EVENT}, e.reason FROM audit_events e WHERE e.reason IS NOT NULL AND e.reason <> ''`);
    // People erased before now: their words go as they would have at their erasure.
    await db.query(`DELETE FROM audit_texts t USING users u WHERE u.status = 'erased' AND u.id IN (t.author_id, t.subject_id)
      AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.id = t.event_id AND e.action = 'user.erased')`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN reason`);

    // Whose words a notice carries (its author, usually whoever made the change) and whom they are
    // about, so erasure can blank every copy, delivered or waiting.
    for (const table of ['outbox_messages', 'notifications']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN author_id uuid, ADD COLUMN subject_id uuid`);
      await db.query(`CREATE INDEX ${table}_author_idx ON ${table} (author_id) WHERE author_id IS NOT NULL`);
      await db.query(`CREATE INDEX ${table}_subject_idx ON ${table} (subject_id) WHERE subject_id IS NOT NULL`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'outbox_messages']) await db.query(`ALTER TABLE ${table} DROP COLUMN author_id, DROP COLUMN subject_id`);
    await db.query(`ALTER TABLE audit_events ADD COLUMN reason text`);
    await db.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await db.query(`UPDATE audit_events e SET reason = t.reason FROM audit_texts t WHERE t.event_id = e.id`);
    await db.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    await db.query(`DROP TABLE audit_texts`);
    await db.query(`DROP FUNCTION audit_texts_no_rewrite()`);
  }
}
