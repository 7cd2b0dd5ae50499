import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TestServer } from '@samverka/testing';

/**
 * Builds a data source from the built app's one entity list on a database migrated like the
 * template, and asks TypeORM what it would change to make the schema fit the entities. In a child
 * process: the Nest and TypeORM libraries load only as native ES modules.
 */
const PENDING_SCHEMA_CHANGES = `
  import 'reflect-metadata';
  import { DataSource } from 'typeorm';
  const { entities } = await import('./dist/apps/api/src/database/entities.js');
  const { dataSourceOptions } = await import('./dist/libs/database/src/index.js');
  const dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL, entities)).initialize();
  try {
    // TypeORM reads the expressions of generated columns from its own table, which Samverka's
    // migrations do not keep: an empty one, in this test's database only.
    await dataSource.query('CREATE TABLE typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)');
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const tables = dataSource.entityMetadatas.map((entity) => entity.tablePath);
    process.stdout.write(JSON.stringify({ up: pending.upQueries.map((query) => query.query), tables }));
  } finally {
    await dataSource.destroy();
  }
`;

/**
 * What the migrations hold and the entities, by design, do not declare: TypeORM would drop it,
 * which says nothing about whether the entities and the tables agree. Each with why.
 */
const KEPT_BY_MIGRATIONS_ONLY: { pattern: RegExp; why: string }[] = [
  { pattern: /^ALTER TABLE "\w+" DROP CONSTRAINT "\w+"$/, why: 'foreign keys, unique and check constraints are written in the migrations' },
  { pattern: /^DROP INDEX "public"\."\w+"$/, why: 'indexes (partial, trigram, full-text) are written in the migrations' },
  { pattern: /^ALTER TABLE "(challenges|method_card_versions)" DROP COLUMN "search_vector"$/, why: 'full-text vectors are generated columns that only SQL reads' },
  { pattern: /^DELETE FROM "typeorm_metadata" /, why: 'the bookkeeping of the generated columns above' },
  { pattern: /^ALTER TABLE "\w+" ALTER COLUMN "(version|stage_entered_at)" DROP DEFAULT$/, why: 'defaults for rows inserted by SQL; TypeORM sets these itself' },
];

describe('the entities and the migrations', () => {
  let up: string[];
  let tables: string[];

  beforeAll(async () => {
    const server = await TestServer.start();
    try {
      const env = { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'silent' };
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', PENDING_SCHEMA_CHANGES], { env, encoding: 'utf8' });
      ({ up, tables } = JSON.parse(stdout));
    } finally {
      await server.stop();
    }
  });

  it('agree: every table, column, type, nullability and default the entities declare is what the migrations made', () => {
    expect(tables.length).toBeGreaterThan(30);
    // A change here needs a migration (npm run migration:generate -- Name), or the entity is wrong.
    expect(up.filter((query) => !KEPT_BY_MIGRATIONS_ONLY.some(({ pattern }) => pattern.test(query)))).toEqual([]);
  });

  it('sees what the migrations keep beyond the entities, so the list above stays honest', () => {
    for (const { pattern, why } of KEPT_BY_MIGRATIONS_ONLY) expect({ why, seen: up.some((query) => pattern.test(query)) }).toEqual({ why, seen: true });
  });
});
