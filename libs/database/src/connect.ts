import type { Logger } from 'pino';
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
