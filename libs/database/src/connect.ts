import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options.js';
import { launchEmbeddedDatabase } from './embedded/embedded-postgres.launcher.js';

export interface ConnectedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The external database from DATABASE_URL, or the embedded one under DATA_DIR. */
export async function connectDatabase(settings: { databaseUrl?: string; dataDir: string }, logger: Logger): Promise<ConnectedDatabase> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, stop: async () => undefined };
  const log = logger.child({ component: 'embedded-postgres' });
  // The entry points stop the database themselves, after closing the app (see main.ts).
  const embedded = await launchEmbeddedDatabase({
    dataDir: settings.dataDir,
    log: (message) => log.debug(message),
    notice: (message) => log.info(message),
    stopOnSignals: false,
  });
  log.info({ owned: embedded.owned }, embedded.owned ? 'embedded PostgreSQL started' : 'sharing the running embedded PostgreSQL');
  return embedded;
}

/** Migrations run on their own connection before the app is built; they need no entities. */
export async function runMigrations(url: string, logger: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, []));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await dataSource.destroy();
  }
}
