import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { etagOf } from './if-match.js';

const VERSIONED = 'samverka:versioned-view';

/** Marks a response view whose `version` is its resource's version, the one `If-Match` takes. */
export const VersionedView = (): ClassDecorator => (target) => Reflect.defineMetadata(VERSIONED, true, target);

const isVersionedView = (body: unknown): body is { version: number } =>
  typeof body === 'object' && body !== null && Reflect.getMetadata(VERSIONED, body.constructor) === true && typeof (body as { version?: unknown }).version === 'number';

/**
 * Every response that carries a versioned resource carries its version as ETag, whatever the
 * route (read, create, change or transition), so the next change can send it in If-Match.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        if (isVersionedView(body) && !response.headersSent) response.setHeader('ETag', etagOf(body.version));
      }),
    );
  }
}
