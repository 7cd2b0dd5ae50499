import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/platform';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../app.module.js';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { applyRoutePrefix } from '../http-setup.js';
import { createOpenApiDocument } from '../openapi/openapi-document.js';

/** The committed copy that clients are generated from; a test keeps it equal to the served one. */
export const OPENAPI_FILE = 'apps/api/openapi.json';

/**
 * `npm run openapi`: writes the API's OpenAPI document without a database. Nest's preview mode
 * reads the routes and their decorators but starts no provider.
 */
async function main(): Promise<void> {
  const config = loadConfig({ JWT_SECRET: 'openapi-document-needs-no-secret-only-a-long-one', DATA_DIR: '.data' });
  const app = await NestFactory.create(AppModule.with(config, 'postgres://unused'), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  applyRoutePrefix(app);
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

await main();
