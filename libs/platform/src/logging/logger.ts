import type { LoggerService } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

// Secrets never reach the log, wherever they appear.
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
];

const BASE = { service: 'samverka' };

let stdout: pino.DestinationStream | undefined;

/**
 * Standard output, written asynchronously: a synchronous write per request line took a
 * measurable share of a request's CPU (bench:api). Pino flushes what is pending when the
 * process exits; every logger in the process shares it, so lines never interleave.
 */
function sharedStdout(): pino.DestinationStream {
  stdout ??= pino.destination({ fd: 1, sync: false });
  return stdout;
}

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' }, base: BASE }, sharedStdout());
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * Keys carried in a URL: a dialogue sign-up's personal link (a path segment, in the web app and
 * the API) and the `token` of the invitation and address-confirmation links. Only their hashes
 * are stored, so the log must not keep them either.
 */
const KEY_IN_URL = /(\/(?:api\/)?dialogue[-/]participation\/)[^/?#]+|([?&]token=)[^&#]*/gi;

/** The URL as the request log keeps it: any key in it replaced. */
function loggedUrl(url: string | undefined): string | undefined {
  return url?.replace(KEY_IN_URL, (_key, pathBefore: string | undefined, queryBefore: string | undefined) => `${pathBefore ?? queryBefore}[redacted]`);
}

/**
 * A request's id: the caller's X-Request-Id if sane, a new UUID otherwise. Kept on the request
 * itself, where the request log and the request context read it.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

/**
 * One JSON line per request, with the id `requestIdOf` gave it. Its serializers keep the named
 * fields alone, the URL without the keys it may carry, so its logger skips the redaction the
 * others pay on every line.
 */
export function createHttpLogger(level: string): HttpLogger {
  return pinoHttp({
    logger: pino({ level, base: BASE }, sharedStdout()),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Handed Node's own request and response: pino-http's wrapping would first copy every
    // header of both, on every request, for these serializers to throw away.
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { id: string }) => ({ id: req.id, method: req.method, url: loggedUrl(req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.headersSent ? res.statusCode : null }),
    },
  });
}

const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's own messages go through the same JSON logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    // Nest's start-up chatter (one line per module and route) is detail, not news.
    this.write(context && STARTUP_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, ...params: unknown[]): void {
    const context = params.length > 1 ? params[params.length - 1] : undefined;
    if (message instanceof Error) this.logger.error({ err: message, context });
    else this.write('error', message, typeof context === 'string' ? context : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal' | 'error', message: unknown, context?: string): void {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
