import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { VERSION_MARKER } from '../openapi/api-problems.decorator.js';
import { etagOf } from './if-match.js';

const VERSIONED = 'samverka:versioned-view';

/**
 * Marks a response view whose `version` is its resource's version, the one `If-Match` takes,
 * and documents it so; the OpenAPI document then declares the ETag of every response of it.
 */
export const VersionedView = (): ClassDecorator => (target) => {
  Reflect.defineMetadata(VERSIONED, true, target);
  ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2_147_483_647,
    description: 'The version: send it as If-Match (it is also the ETag) to change the resource.',
    [VERSION_MARKER]: true,
  } as ApiPropertyOptions)(target.prototype, 'version');
};

const isVersionedView = (body: unknown): body is { version: number } =>
  typeof body === 'object' && body !== null && Reflect.getMetadata(VERSIONED, body.constructor) === true && typeof (body as { version?: unknown }).version === 'number';

/**
 * Every response that carries a versioned resource carries its version as ETag, whatever the
 * route (read, create, change or transition), so the next change can send it in If-Match.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        if (isVersionedView(body) && !response.sent) response.header('ETag', etagOf(body.version));
      }),
    );
  }
}
