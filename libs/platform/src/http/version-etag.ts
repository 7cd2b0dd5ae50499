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
 * The ETag of a body that is a versioned view: its version. Every response that carries a
 * versioned resource carries it, whatever the route (read, create, change or transition), so
 * the next change can send it in If-Match.
 */
export const versionEtagOf = (body: unknown): string | undefined => (isVersionedView(body) ? etagOf(body.version) : undefined);
