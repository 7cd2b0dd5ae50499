import 'reflect-metadata';
import { connectDatabase, dataSourceOptions } from '@samverka/database';
import { createLogger, loadConfigOrExit } from '@samverka/platform';
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { entities } from '../database/entities.js';


const USAGE = 'usage: migration run | revert | show | generate <name>';

/** `npm run migration:*`: the same database Samverka would use (DATABASE_URL or the embedded one). */
async function main(command: string | undefined, name: string | undefined): Promise<number> {
  if (!command || !['run', 'revert', 'show', 'generate'].includes(command) || (command === 'generate' && !name)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir }, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url, entities));
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run':
        for (const m of await dataSource.runMigrations({ transaction: 'each' })) logger.info({ migration: m.name }, 'applied');
        break;
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        break;
      case 'show':
        process.stdout.write(`${(await dataSource.showMigrations()) ? 'pending migrations exist' : 'up to date'}\n`);
        break;
      case 'generate':
        return await generate(dataSource, name as string);
    }
    return 0;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

/** Writes the SQL that brings the database to the entities as a new migration class. */
async function generate(dataSource: DataSource, name: string): Promise<number> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    process.stdout.write('The entities match the database: no migration needed.\n');
    return 0;
  }
  const timestamp = Date.now();
  const className = `${name.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}${timestamp}`;
  const kebab = name.replace(/([a-z])([A-Z])/g, '$1-$2').replace(/[_ ]/g, '-').toLowerCase();
  const quote = (query: string) => '`' + query.replace(/`/g, '\\`') + '`';
  const file = `libs/database/src/migrations/${timestamp}-${kebab}.ts`;
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => `    await db.query(${quote(q.query)});`).join('\n')}
  }

  async down(db: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map((q) => `    await db.query(${quote(q.query)});`).join('\n')}
  }
}
`,
  );
  process.stdout.write(`Wrote ${file}; add ${className} to libs/database/src/migrations/index.ts.\n`);
  return 0;
}

process.exitCode = await main(process.argv[2], process.argv[3]);
