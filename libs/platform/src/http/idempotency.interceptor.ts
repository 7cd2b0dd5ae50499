import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, RequestMethod, SetMetadata, type INestApplicationContext } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { UnprocessableError, ValidationFailedError } from '../errors/domain-error.js';
import { NO_REPLAY_EXTENSION } from '../openapi/api-problems.decorator.js';
import { CurrentActor } from '../context/actor.js';
import { answerWith } from './answer-status.js';
import { versionEtagOf } from './version-etag.js';

interface StoredResponse {
  request_hash: string;
  status_code: number;
  response_body: unknown;
  location: string | null;
  etag: string | null;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const NO_REPLAY = 'samverka:no-idempotent-replay';

/**
 * Marks routes that ignore `Idempotency-Key`: sign-in answers carry fresh secrets, which must
 * neither be stored nor replayed (a replayed refresh would hide the reuse of a spent token).
 */
export const NoIdempotentReplay = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(NO_REPLAY, true), ApiExtension(NO_REPLAY_EXTENSION, { replay: false }));

/**
 * `Idempotency-Key` on a creating POST: the key row, the change and the stored response
 * commit in one transaction, so a retry replays the first answer and a concurrent duplicate
 * waits on the key's row and then replays it too.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly actor: CurrentActor,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'] as string | undefined;
    if (request.method !== 'POST' || key === undefined || this.exempt(context)) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailedError([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }]);
    }
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const owner = this.actor.optional?.id ?? `anonymous:${request.ip}`;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(
      this.txHost.withTransaction(async () => {
        const db = this.txHost.tx;
        const inserted = await db.query(
          `INSERT INTO idempotency_keys (owner, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
          [owner, key, requestHash],
        );
        if (inserted.length === 0) {
          const [stored] = (await db.query(
            `SELECT request_hash, status_code, response_body, location, etag FROM idempotency_keys WHERE owner = $1 AND key = $2`,
            [owner, key],
          )) as StoredResponse[];
          if (stored.request_hash !== requestHash) {
            throw new UnprocessableError('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
          }
          response.header('Idempotent-Replayed', 'true');
          if (stored.status_code !== status) answerWith(response, stored.status_code);
          if (stored.location) response.header('Location', stored.location);
          if (stored.etag) response.header('ETag', stored.etag);
          return stored.response_body;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        // A versioned view's ETag is set as it is serialized, after this; the same ETag is stored.
        const [location, etag] = [response.getHeader('location'), versionEtagOf(body) ?? response.getHeader('etag')].map((value) => (typeof value === 'string' ? value : null));
        // A handler may have answered with another status than the route's (answerWith); a reply starts at 200.
        const answered = response.statusCode !== HttpStatus.OK ? response.statusCode : status;
        await db.query(
          `UPDATE idempotency_keys SET status_code = $3, response_body = $4, location = $5, etag = $6, completed_at = now() WHERE owner = $1 AND key = $2`,
          [owner, key, answered, JSON.stringify(body ?? null), location, etag],
        );
        return body;
      }),
    );
  }

  private exempt(context: ExecutionContext): boolean {
    return [context.getHandler(), context.getClass()].some((target) => Reflect.getMetadata(NO_REPLAY, target) === true);
  }
}

/**
 * Puts the interceptor on every POST route, the one method that takes an Idempotency-Key, ahead
 * of the route's own interceptors. Call it before the routes are registered (before `listen`).
 * As a global interceptor it wrapped every other request too in rxjs's chain, for nothing: on
 * `GET /api/me` that chain was a fifth of what the request allocated (bench:api).
 */
export function bindIdempotencyToPostRoutes(app: INestApplicationContext): void {
  const interceptor = app.get(IdempotencyInterceptor);
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        const bound: unknown[] = Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? [];
        if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST || bound.includes(interceptor)) continue;
        Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor, ...bound], handler);
      }
    }
  }
}
