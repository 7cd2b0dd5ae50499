import { applyDecorators, Injectable, SetMetadata, UseGuards, UseInterceptors, type CallHandler, type CanActivate, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@samverka/identity';
import { AppConfig, EnumField, PageQueryDto, PostgresThrottlerStorage, RateLimitedError, toCsv, type Page } from '@samverka/platform';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

export type CsvCell = string | number | boolean | null;

/** How a route's items read as CSV: one row per item, the columns in this order. */
export interface OpenCsv<T> {
  /** The download's file name, without `.csv`. */
  filename: string;
  columns: readonly string[];
  row: (item: T) => readonly CsvCell[];
}

export interface OpenDataOptions<T> {
  /** The CSV form; without it the route answers JSON only (a CSV request is answered with JSON). */
  csv?: OpenCsv<T>;
  /** The JSON media type, e.g. `application/ld+json` for linked data; `application/json` when not given. */
  mediaType?: string;
}

/** What the OpenAPI document completes an open-data operation with (see openapi-document.ts). */
export const OPEN_DATA_EXTENSION = 'x-samverka-open-data';
export interface OpenDataDescription {
  csv: boolean;
  mediaType: string;
}

const OPEN_DATA = 'samverka:open-data';

const FORMAT_DESCRIPTION = 'The answer’s format where the route has a CSV form (`Accept: text/csv` asks for CSV too); JSON when not given.';

/** `?format=csv` (or `Accept: text/csv`) for routes with a CSV form; JSON otherwise. */
export class OpenFormatQuery {
  @EnumField(['json', 'csv'] as const, { optional: true, description: FORMAT_DESCRIPTION })
  format?: 'json' | 'csv';
}

/** Cursor paging plus the format: the query every open list takes (extend it with the list's filters). */
export class OpenPageQuery extends PageQueryDto {
  @EnumField(['json', 'csv'] as const, { optional: true, description: FORMAT_DESCRIPTION })
  format?: 'json' | 'csv';
}

const isPage = (body: unknown): body is Page<unknown> =>
  typeof body === 'object' && body !== null && Array.isArray((body as Page<unknown>).items) && 'nextCursor' in body;

/** A strong validator: the same bytes, the same tag (RFC 9110 §8.8.3). */
const strongEtag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`;

function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as Record<string, unknown>).format;
  if (format === 'csv' || format === 'json') return format === 'csv';
  return request.type(['application/json', 'text/csv']) === 'text/csv';
}

/** The same list's next page, in the same format: CSV has no room for the cursor, so the Link header carries it. */
function nextLink(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.originalUrl, 'http://localhost');
  url.searchParams.set('cursor', cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}

/**
 * Serialises an open-data answer itself, so that its ETag is the hash of the bytes sent:
 * JSON (or CSV when asked and the route has a CSV form), `Cache-Control: public`, readable
 * from any origin. A matching `If-None-Match` is answered 304 (see http-setup.ts).
 */
@Injectable()
export class OpenDataInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<string> {
    const options = this.reflector.get<OpenDataOptions<unknown>>(OPEN_DATA, context.getHandler()) ?? {};
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        let text: string;
        if (options.csv && wantsCsv(request)) {
          const { filename, columns, row } = options.csv;
          const items = isPage(body) ? body.items : Array.isArray(body) ? body : [body];
          text = toCsv(columns, items.map(row));
          response.header('Content-Type', 'text/csv; charset=utf-8');
          response.header('Content-Disposition', `attachment; filename="${filename}.csv"`);
        } else {
          text = JSON.stringify(body);
          response.header('Content-Type', `${options.mediaType ?? 'application/json'}; charset=utf-8`);
        }
        if (isPage(body) && body.nextCursor) response.header('Link', nextLink(request, body.nextCursor));
        response.header('ETag', strongEtag(text));
        response.header('Cache-Control', `public, max-age=${this.config.OPEN_DATA_MAX_AGE_SECONDS}`);
        const vary = response.getHeader('Vary');
        response.header('Vary', vary ? `${String(vary)}, Accept` : 'Accept');
        response.header('Access-Control-Allow-Origin', '*');
        response.header('Access-Control-Expose-Headers', 'ETag, Link, Retry-After, X-Request-Id');
        return text;
      }),
    );
  }
}

/**
 * One budget per client address for all open data together (the default limit counts per
 * route), in the same PostgreSQL counters as every other limit.
 */
@Injectable()
export class OpenDataThrottleGuard implements CanActivate {
  constructor(
    private readonly storage: PostgresThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const window = this.config.OPEN_RATE_LIMIT_WINDOW_SECONDS * 1000;
    const limit = this.config.OPEN_RATE_LIMIT;
    const record = await this.storage.increment(`open:${request.ip ?? 'unknown'}`, window, limit, window);
    if (record.isBlocked) throw new RateLimitedError(Math.max(1, record.timeToBlockExpire));
    response.header('X-RateLimit-Limit', String(limit));
    response.header('X-RateLimit-Remaining', String(Math.max(0, limit - record.totalHits)));
    response.header('X-RateLimit-Reset', String(record.timeToExpire));
    return true;
  }
}

/**
 * Makes a route open data: readable without signing in, rate-limited per client address,
 * cacheable (strong ETag, 304 on If-None-Match, `Cache-Control: public`) and, given a CSV
 * form, answered as CSV on `?format=csv` or `Accept: text/csv`. Lists page with cursors as
 * everywhere else (take `OpenPageQuery`).
 */
export function OpenData<T = never>(options: OpenDataOptions<T> = {}): MethodDecorator {
  const description: OpenDataDescription = { csv: Boolean(options.csv), mediaType: options.mediaType ?? 'application/json' };
  return applyDecorators(
    Public(),
    SkipThrottle(),
    UseGuards(OpenDataThrottleGuard),
    SetMetadata(OPEN_DATA, options),
    UseInterceptors(OpenDataInterceptor),
    ApiExtension(OPEN_DATA_EXTENSION, description),
  );
}
