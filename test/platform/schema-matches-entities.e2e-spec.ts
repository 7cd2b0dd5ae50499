import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * Migrates a database from nothing and asks TypeORM, with the built app's one entity list, what it
 * would change to make the schema fit the entities. In a child process: the Nest and TypeORM
 * libraries load only as native ES modules.
 */
const PENDING_SCHEMA_CHANGES = `
  import 'reflect-metadata';
  import { DataSource } from 'typeorm';
  const { entities } = await import('./dist/apps/api/src/database/entities.js');
  const { dataSourceOptions } = await import('./dist/libs/database/src/index.js');
  const dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL, entities)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const tables = dataSource.entityMetadatas.map((entity) => entity.tablePath);
    process.stdout.write(JSON.stringify({ up: pending.upQueries.map((query) => query.query), tables }));
  } finally {
    await dataSource.destroy();
  }
`;

describe('the entities and the migrations', () => {
  const run = promisify(execFile);
  // A database of its own rather than a clone of the template: TypeORM files the expressions of
  // generated columns under the name of the database they were migrated in.
  const name = `schema_${randomUUID().replace(/-/g, '')}`;
  const urlOf = (database: string) => Object.assign(new URL(process.env.SAMVERKA_TEST_DATABASE_URL as string), { pathname: `/${database}` }).toString();
  const env = { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: urlOf(name), LOG_LEVEL: 'silent' };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: urlOf('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let up: string[];
  let tables: string[];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PENDING_SCHEMA_CHANGES], { env, encoding: 'utf8' });
    ({ up, tables } = JSON.parse(stdout));
  });
  afterAll(() => admin(`DROP DATABASE ${name}`));

  it('agree: every table, column, type, default, key, foreign key, check and index the entities declare is what the migrations made', () => {
    expect(tables.length).toBeGreaterThan(30);
    // A change here needs a migration (npm run migration:generate -- Name), or the entity is wrong.
    expect(up).toEqual([]);
  });

  it('leave migration:generate nothing to write on a migrated database', async () => {
    const { stdout } = await run(process.execPath, ['dist/apps/api/src/cli/migration.js', 'generate', 'Nothing'], { env, encoding: 'utf8' });
    expect(stdout).toBe('The entities match the database: no migration needed.\n');
  });
});
