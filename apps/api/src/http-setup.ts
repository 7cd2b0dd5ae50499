import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyAccepts from '@fastify/accepts';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import { bindIdempotencyToPostRoutes, createHttpLogger, dropUnmountedClsEnhancers, requestIdOf, versionEtagOf, type AppConfig } from '@samverka/platform';
import type { FastifyBodyParser } from 'fastify';
import fresh from 'fresh';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { Draining } from './health/draining.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { serveWebApp } from './web/web-app.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`1mb`, `512kb`) in bytes, as the config validated it. */
export function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit) ?? [];
  return Number(amount) * UNITS[unit.toLowerCase()];
}

/**
 * Fastify's own settings: the body limit, the request id (the caller's X-Request-Id if sane,
 * shared by the log, the request context and problem documents), proxies trusted on loopback
 * only, and paths matched as Express matched them: a trailing slash and letter case make no
 * other route, and a path parameter (a host name, say) may be as long as the URL.
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: bodyLimitBytes(config.BODY_LIMIT),
    genReqId: requestIdOf,
    trustProxy: 'loopback',
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 16 * 1024 },
  });
}

/** Everything about HTTP that is not a route: prefix, headers, CORS, body parsing, logs, OpenAPI, the web app. */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig, logger: Logger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const draining = app.get(Draining);
  const httpLogger = createHttpLogger(config.LOG_LEVEL);
  bindIdempotencyToPostRoutes(app);
  dropUnmountedClsEnhancers(app);
  // Helmet's headers, its middleware built once (Fastify's plugin rebuilt it on every request).
  const securityHeaders = helmet();
  fastify.addHook('onRequest', (request, reply, done) => {
    draining.track(reply.raw);
    securityHeaders(request.raw, reply.raw, () => undefined);
    reply.header('X-Request-Id', request.id);
    httpLogger(request.raw, reply.raw);
    // Tokens, exports and people's data must not be kept by browsers or proxies; public reference
    // data says otherwise itself. Set before the body is read, so its errors carry it too.
    if (/^\/api(\/|\?|$)/i.test(request.url)) reply.header('Cache-Control', 'no-store');
    done();
  });
  // A versioned resource's version is its ETag, whatever the route (set here, not by an
  // interceptor around every request; the idempotency interceptor stores the same for replay).
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    const etag = versionEtagOf(payload);
    if (etag) reply.header('ETag', etag);
    done(null, payload);
  });
  // A GET whose answer carries an ETag the client already has is answered 304, without a body.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const conditional = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode >= 200 && reply.statusCode < 300 && reply.hasHeader('etag');
    if (!conditional || !fresh(request.headers, { etag: reply.getHeader('etag') as string, 'last-modified': reply.getHeader('last-modified') as string | undefined })) {
      done(null, payload);
      return;
    }
    reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('transfer-encoding');
    done(null, '');
  });
  await app.register(fastifyCookie);
  await app.register(fastifyAccepts);
  await serveWebApp(app, logger);
  // Only with allowed origins (open data sets its own). Registered here rather than with
  // `app.enableCors()`, whose hook runs before the one above, so that a preflight carries its
  // request id and security headers and is logged like any request; every method the API uses
  // is named (the plugin allows only GET, HEAD and POST unless told).
  if (config.CORS_ORIGINS.length) {
    await app.register(fastifyCors, {
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'],
    });
  }
  // Bodies are read as before: JSON also as `application/*+json`, an empty JSON body is an empty
  // object, forms as `application/x-www-form-urlencoded` (Nest's parser), and any other body is
  // left unread (validation then names the missing fields) rather than answered 415. A JSON key
  // such as `__proto__` stays an ordinary key (JSON.parse never sets a prototype), so validation
  // refuses it by name like any unknown field.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const json = fastify.getDefaultJsonParser('ignore', 'ignore');
  const parseJson: FastifyBodyParser<Buffer> = (request, body, done) => (body.length === 0 ? done(null, {}) : json(request, body.toString('utf8'), done));
  app.useBodyParser('application/json', {}, parseJson);
  app.useBodyParser(/^application\/[^/;\s]+\+json\s*(;|$)/i, {}, parseJson);
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
