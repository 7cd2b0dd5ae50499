import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connectDatabase, runMigrations } from '@samverka/database';
import { createLogger, loadConfigOrExit, PinoNestLogger } from '@samverka/platform';
import { AppModule } from './app.module.js';

import { seedDemoIfEmpty } from './demo/seed-on-start.js';
import { startEventLoopProbe } from './event-loop-probe.js';
import { Draining } from './health/draining.js';
import { configureHttp, createHttpAdapter } from './http-setup.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  startEventLoopProbe(config.EVENT_LOOP_PROBE, logger);
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir }, logger);
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const stop = async (exitCode: number, signal?: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (app && signal) {
      // Readiness says 503 from now; requests in flight finish before the pool closes under them.
      logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: finishing the requests in flight');
      const drained = await app.get(Draining).drain(config.SHUTDOWN_GRACE_MS);
      if (!drained) logger.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'requests were still in flight when the grace period ended');
    }
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    await database.stop();
    process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(0, signal));

  try {
    await runMigrations(database.url, logger);
    app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, database.url), createHttpAdapter(config), {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    await configureHttp(app, config, logger);
    await app.listen(config.PORT, '0.0.0.0');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port }, `Samverka listens on http://localhost:${port} (OpenAPI: http://localhost:${port}/api/docs)`);
    await seedDemoIfEmpty(app, config, `http://127.0.0.1:${port}`, logger).catch((error: unknown) => logger.error({ err: error }, 'the demo could not be seeded'));
  } catch (error) {
    logger.fatal({ err: error }, 'Samverka could not start');
    await stop(1);
  }
}

await main();
