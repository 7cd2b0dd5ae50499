import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { createHttpLogger, type AppConfig } from '@samverka/platform';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Everything about HTTP that is not a route: prefix, headers, CORS, body limits, logs, OpenAPI. */
export function configureHttp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.use(createHttpLogger(logger));
  app.use(helmet());
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'] });
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.set('trust proxy', 'loopback');
  // Express's own ETag hashes the body, which If-Match cannot use: versioned responses carry their version instead.
  app.set('etag', false);
  // Tokens, exports and people's data must not be kept by browsers or proxies; public reference data says otherwise itself.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
  setupOpenApi(app);
}

function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samverka API')
      .setDescription(
        'Run accelerator programmes for social innovation: cohorts, city challenges, matching, tracks and impact. ' +
          'Errors are RFC 9457 problem documents (application/problem+json). Lists take ?limit=&cursor= and return {items, nextCursor}.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
