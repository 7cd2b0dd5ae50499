import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The full-text columns as the challenges and method-cards migrations generate them, in the entities' words. */
const GENERATED = [
  {
    table: 'challenges',
    expression:
      "setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || " +
      "setweight(to_tsvector('swedish'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B') || " +
      "setweight(to_tsvector('english'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B')",
  },
  {
    table: 'method_card_versions',
    expression: `setweight(to_tsvector('swedish'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('swedish'::regconfig, when_to_use), 'B') || setweight(to_tsvector('english'::regconfig, when_to_use), 'B')`,
  },
];

/**
 * TypeORM keeps the expression of each generated column in its own table, since PostgreSQL's
 * reformats it; without it, comparing the entities with the schema (migration:generate) fails.
 * The schema itself does not change.
 */
export class GeneratedColumnExpressions1764200000000 implements MigrationInterface {
  name = 'GeneratedColumnExpressions1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // TypeORM's migration runner creates the table itself when its data source knows the entities.
    await db.query(`CREATE TABLE IF NOT EXISTS typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)`);
    for (const { table, expression } of GENERATED) {
      await db.query(`INSERT INTO typeorm_metadata (type, database, schema, "table", name, value) VALUES ('GENERATED_COLUMN', current_database(), current_schema(), $1, 'search_vector', $2)`, [table, expression]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE typeorm_metadata`);
  }
}
