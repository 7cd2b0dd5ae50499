import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export type ReasonLanguage = 'sv' | 'en';

/** The language of explanations, from Accept-Language (Swedish unless English is preferred). */
export const ReasonLanguageOf = createParamDecorator((_data: unknown, context: ExecutionContext): ReasonLanguage => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return request.languages(['sv', 'en']) === 'en' ? 'en' : 'sv';
});
