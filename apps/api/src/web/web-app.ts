import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** Where `npm run build` puts the web app: dist/web, beside dist/apps. */
const WEB_ROOT = fileURLToPath(new URL('../../../../web/', import.meta.url));

/**
 * The app's own policy, stricter than the API's: scripts and fonts only from this server, no
 * inline script. Inline styles stay allowed because the component library sets its CSS
 * variables and sizes through them. No upgrade-insecure-requests: it would send a browser on
 * http://localhost to an https port nobody listens on.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** Paths that belong to the server, never to the app: the API and the health checks. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Serves the web app at `/`: hashed files under /assets (a missing one is a 404), other built
 * files at the root, and index.html for every other GET outside /api and /health, so the app's
 * own routes survive a reload. All under the app's own policy.
 */
export async function serveWebApp(app: NestFastifyApplication, logger: Logger): Promise<void> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    logger.warn({ path: WEB_ROOT }, 'the web app is not built: only the API is served');
    return;
  }
  await app.register(async (web: FastifyInstance) => {
    web.addHook('onRequest', (request, reply, done) => {
      if (!SERVER_PATHS.test(request.url.split('?')[0])) reply.header('Content-Security-Policy', WEB_APP_CSP);
      done();
    });
    await web.register(
      async (assets: FastifyInstance) => {
        await assets.register(fastifyStatic, { root: join(WEB_ROOT, 'assets'), index: false, immutable: true, maxAge: '1y', decorateReply: false });
        assets.setNotFoundHandler((_request, reply) => reply.code(404).type('text/plain').send('Not found'));
      },
      { prefix: '/assets' },
    );
    // The root's files as they are at start-up (the build's), each its own route.
    await web.register(fastifyStatic, { root: WEB_ROOT, wildcard: false, index: false, globIgnore: ['assets/**'] });
    web.get('/*', (request, reply) => {
      if (SERVER_PATHS.test(request.url.split('?')[0])) return reply.callNotFound();
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  });
}
