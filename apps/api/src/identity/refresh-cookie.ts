import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, type ApiResponseOptions } from '@nestjs/swagger';
import { AppConfig } from '@samverka/platform';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

/**
 * Browsers keep the refresh token where scripts cannot read it: a request carrying
 * `X-Refresh-Token-Delivery: cookie` gets it as an HttpOnly cookie scoped to /api/auth instead
 * of in the body. API clients that do not ask keep the JSON tokens unchanged.
 */
export const REFRESH_COOKIE = 'samverka_refresh';
export const DELIVERY_HEADER = 'X-Refresh-Token-Delivery';

const COOKIE_OPTIONS: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' };

/** What a route does with the cookie: hand out a new token, read the presented one, or end it. */
type CookieUse = { issues?: boolean; reads?: boolean; clears?: boolean };
const COOKIE_USE = 'samverka:refresh-cookie';

@Injectable()
export class RefreshCookieInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const use = this.reflector.get<CookieUse>(COOKIE_USE, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const wantsCookie = String(request.headers[DELIVERY_HEADER.toLowerCase()]).toLowerCase() === 'cookie';

    // Without either, validation names the missing refreshToken (400).
    const presented = use.reads && isObject(request.body) && request.body.refreshToken === undefined ? request.cookies[REFRESH_COOKIE] : undefined;
    if (presented) (request.body as Record<string, unknown>).refreshToken = presented;

    return next.handle().pipe(
      map((result: unknown) => {
        // Expires in the past, as Express cleared it (Fastify's clearCookie adds Max-Age=0).
        if (use.clears) response.setCookie(REFRESH_COOKIE, '', { ...COOKIE_OPTIONS, expires: new Date(1) });
        if (!use.issues || !wantsCookie || !isObject(result) || typeof result.refreshToken !== 'string') return result;
        const maxAge = this.config.REFRESH_TOKEN_TTL_SECONDS;
        response.setCookie(REFRESH_COOKIE, result.refreshToken, { ...COOKIE_OPTIONS, maxAge, expires: new Date(Date.now() + maxAge * 1000) });
        const { refreshToken: _kept, ...rest } = result;
        return rest;
      }),
    );
  }
}

/** Lets a route deliver, read or clear the refresh cookie, and documents the request header. */
export const RefreshTokenCookie = (use: CookieUse): MethodDecorator =>
  applyDecorators(
    SetMetadata(COOKIE_USE, use),
    UseInterceptors(RefreshCookieInterceptor),
    ...(use.issues
      ? [
          ApiHeader({
            name: DELIVERY_HEADER,
            required: false,
            description: 'Browsers send `cookie`: the refresh token then comes as an HttpOnly, Secure, SameSite=Strict cookie for /api/auth and is left out of the body.',
            schema: { type: 'string', enum: ['cookie'] },
          }),
        ]
      : []),
  );

/** The `Set-Cookie` of a route's success response, for its `@Api…Response({ headers })`. */
export const SETS_REFRESH_COOKIE: ApiResponseOptions['headers'] = {
  'Set-Cookie': {
    description: `With \`${DELIVERY_HEADER}: cookie\`: the refresh token as \`${REFRESH_COOKIE}\` (HttpOnly; Secure; SameSite=Strict; Path=/api/auth).`,
    required: false,
    schema: { type: 'string', maxLength: 500 },
  },
};
export const CLEARS_REFRESH_COOKIE: ApiResponseOptions['headers'] = {
  'Set-Cookie': { description: `Clears the \`${REFRESH_COOKIE}\` cookie.`, required: true, schema: { type: 'string', maxLength: 500 } },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
