import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export type ReasonLanguage = 'sv' | 'en';

/** The language of explanations, from Accept-Language (Swedish unless English is preferred). */
export const ReasonLanguageOf = createParamDecorator((_data: unknown, context: ExecutionContext): ReasonLanguage => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.acceptsLanguages('sv', 'en') === 'en' ? 'en' : 'sv';
});
