import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { parseIfMatch } from './if-match.js';

/** The version the client based its change on, from the If-Match header. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')),
);

export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({ name: 'If-Match', required: true, description: 'The ETag (version) you read, e.g. "3". A stale version is 412; none is 428.' });
