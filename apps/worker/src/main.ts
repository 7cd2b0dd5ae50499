import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { connectDatabase, runMigrations } from '@samverka/database';
import { createLogger, loadConfigOrExit, PinoNestLogger } from '@samverka/platform';
import { WorkerModule } from './worker.module.js';

/** `npm run start:worker`: connects to Samverka's database (sharing the embedded one) and waits for jobs. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL).child({ app: 'worker' });
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir }, logger);
  await runMigrations(database.url, logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.with(config, database.url), { logger: new PinoNestLogger(logger) });
  const stop = async (): Promise<void> => {
    // Asked to stop: a database that went away first (the API stopping too) is no failure.
    await app.close().catch((error: unknown) => logger.warn({ err: error }, 'the worker stopped with errors'));
    await database.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
  // Only now: whoever waits for this line may stop the worker at once.
  logger.info('Samverka worker ready');
}

await main();
