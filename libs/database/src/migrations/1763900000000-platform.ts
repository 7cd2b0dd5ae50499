import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readReferenceCsv } from '../reference/reference-csv.js';

export class Platform1763900000000 implements MigrationInterface {
  name = 'Platform1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`CREATE TABLE sdgs (
      number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
      name_en text NOT NULL,
      name_sv text NOT NULL)`);
    await db.query(`CREATE TABLE counties (
      code char(2) PRIMARY KEY,
      name text NOT NULL)`);
    await db.query(`CREATE TABLE municipalities (
      code char(4) PRIMARY KEY,
      name text NOT NULL,
      county_code char(2) NOT NULL REFERENCES counties(code))`);
    await this.loadReferenceData(db);

    await db.query(`CREATE TABLE audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      occurred_at timestamptz(3) NOT NULL DEFAULT now(),
      actor_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid,
      from_state text,
      to_state text,
      reason text,
      request_id text,
      details jsonb)`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at)`);
    await db.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at, id)`);
    // The trail is append-only for every role the application connects as.
    await db.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await db.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await db.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email citext NOT NULL UNIQUE,
      display_name text NOT NULL,
      preferred_language text NOT NULL DEFAULT 'sv' CHECK (preferred_language IN ('sv', 'en')),
      password_hash text,
      roles text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated', 'erased')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now())`);

    await db.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz(3) NOT NULL,
      used_at timestamptz(3),
      revoked_at timestamptz(3),
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await db.query(`CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email citext NOT NULL,
      role text NOT NULL,
      scope jsonb NOT NULL DEFAULT '{}',
      token_hash text NOT NULL UNIQUE,
      invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
      expires_at timestamptz(3) NOT NULL,
      accepted_at timestamptz(3),
      accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);

    await db.query(`CREATE TABLE idempotency_keys (
      owner text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response_body jsonb,
      location text,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      completed_at timestamptz(3),
      PRIMARY KEY (owner, key))`);

    await db.query(`CREATE UNLOGGED TABLE rate_limits (
      key text PRIMARY KEY,
      hits integer NOT NULL,
      window_ends_at timestamptz(3) NOT NULL,
      blocked_until timestamptz(3))`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['rate_limits', 'idempotency_keys', 'invitations', 'refresh_tokens', 'users', 'audit_events', 'municipalities', 'counties', 'sdgs']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
  }

  private async loadReferenceData(db: QueryRunner): Promise<void> {
    for (const row of readReferenceCsv('sdgs')) {
      await db.query(`INSERT INTO sdgs (number, name_en, name_sv) VALUES ($1, $2, $3)`, [Number(row.number), row.name_en, row.name_sv]);
    }
    const counties = readReferenceCsv('counties');
    await db.query(`INSERT INTO counties (code, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      counties.map((c) => c.code),
      counties.map((c) => c.name),
    ]);
    const municipalities = readReferenceCsv('municipalities');
    await db.query(`INSERT INTO municipalities (code, name, county_code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      municipalities.map((m) => m.code),
      municipalities.map((m) => m.name),
      municipalities.map((m) => m.county_code),
    ]);
  }
}
