import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connectDatabase } from '@samverka/database/boot';
import { createLogger, loadConfigOrExit, PinoNestLogger } from '@samverka/platform/boot';
import { startEventLoopProbe } from './event-loop-probe.js';

/**
 * Nest, TypeORM and the app's modules: loaded while the embedded PostgreSQL starts in its own
 * process, rather than before it (each takes a few hundred milliseconds).
 */
async function loadApp() {
  const [{ NestFactory }, { runMigrations }, { AppModule }, { seedDemoIfEmpty }, { Draining }, { configureHttp, createHttpAdapter }] = await Promise.all([
    import('@nestjs/core'),
    import('@samverka/database'),
    import('./app.module.js'),
    import('./demo/seed-on-start.js'),
    import('./health/draining.js'),
    import('./http-setup.js'),
  ]);
  return { NestFactory, runMigrations, AppModule, seedDemoIfEmpty, Draining, configureHttp, createHttpAdapter };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  startEventLoopProbe(config.EVENT_LOOP_PROBE, logger);
  const loading = loadApp();
  // Should PostgreSQL not start, the failure reported is that one, not a module still loading.
  loading.catch(() => undefined);
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir }, logger);
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const stop = async (exitCode: number, signal?: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (app && signal) {
      // Readiness says 503 from now; requests in flight finish before the pool closes under them.
      logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'stopping: finishing the requests in flight');
      const drained = await app.get((await loading).Draining).drain(config.SHUTDOWN_GRACE_MS);
      if (!drained) logger.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'requests were still in flight when the grace period ended');
    }
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    await database.stop();
    process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(0, signal));

  try {
    const { NestFactory, runMigrations, AppModule, seedDemoIfEmpty, configureHttp, createHttpAdapter } = await loading;
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
