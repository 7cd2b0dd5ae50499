import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options.js';

/** Any fixed number, the same in every process: names the lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 7_415_202_611;

/**
 * Migrations run on their own connection before the app is built; they need no entities.
 * Instances started together take turns under an advisory lock: the first applies what is
 * pending, the others then find nothing left to do.
 */
export async function runMigrations(url: string, logger: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, []));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
