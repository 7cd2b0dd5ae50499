import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { createHttpLogger, type AppConfig } from '@samverka/platform';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { Draining } from './health/draining.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { serveWebApp } from './web/web-app.js';

/** Everything about HTTP that is not a route: prefix, headers, CORS, body limits, logs, OpenAPI, the web app. */
export function configureHttp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.use(app.get(Draining).middleware);
  app.use(createHttpLogger(logger));
  app.use(helmet());
  serveWebApp(app, logger);
  // Tokens, exports and people's data must not be kept by browsers or proxies; public reference
  // data says otherwise itself. Set before the body parsers, so their errors carry it too.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Without allowed origins the CORS middleware would only pass every request on (open data sets its own).
  if (config.CORS_ORIGINS.length) app.enableCors({ origin: config.CORS_ORIGINS, exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'] });
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.set('trust proxy', 'loopback');
  // Express's own ETag hashes the body, which If-Match cannot use: versioned responses carry their version instead.
  app.set('etag', false);
  applyRoutePrefix(app);
  setupOpenApi(app);
}

/** The API lives under /api; health checks stay at the root, where load balancers look. */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
}

function setupOpenApi(app: INestApplication): void {
  // Built on the first request for it, not at start, where it took a tenth of the time to ready.
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
