import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
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
 * own routes survive a reload.
 */
export function serveWebApp(app: NestExpressApplication, logger: Logger): void {
  const indexHtml = join(WEB_ROOT, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn({ path: WEB_ROOT }, 'the web app is not built: only the API is served');
    return;
  }
  const withPolicy = (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Content-Security-Policy', WEB_APP_CSP);
    next();
  };
  app.use('/assets', withPolicy, express.static(join(WEB_ROOT, 'assets'), { index: false, immutable: true, maxAge: '1y' }), (_request: Request, response: Response) => {
    response.status(404).type('text/plain').send('Not found');
  });
  const rootFiles = express.static(WEB_ROOT, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (SERVER_PATHS.test(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    response.setHeader('Content-Security-Policy', WEB_APP_CSP);
    rootFiles(request, response, () => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexHtml);
    });
  });
}
