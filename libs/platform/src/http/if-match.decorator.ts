import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { parseIfMatch } from './if-match.js';

/** The version the client based its change on, from the If-Match header. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined =>
  parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** Documents If-Match; `required: false` where only replacing an existing resource needs it. */
export const ApiIfMatch = (options: { required?: boolean; description?: string } = {}): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: options.required ?? true,
    description: options.description ?? 'The ETag (version) you read, e.g. "3". A stale version is 412; none is 428.',
    schema: { type: 'string', maxLength: 20, pattern: '^(W/)?"?\\d+"?$' },
  });
