import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ROLES_EXTENSION } from '@samverka/platform';
import { type Role } from './roles.js';

export const IS_PUBLIC = 'samverka:public';
export const REQUIRED_ROLES = 'samverka:roles';

/** Who may call a route, as the OpenAPI document tells it: nobody in particular, anyone signed in, or these roles. */
export type Audience = { public: true } | { roles: readonly Role[] | 'signed-in' };

/** Opens a route to callers without a token; everything else needs one. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(ROLES_EXTENSION, { public: true } satisfies Audience));

/**
 * Who may call a route: any signed-in user, or one holding one of the given roles. Sets the
 * rule and the OpenAPI security in one place.
 */
export function Authenticated(options: { roles?: Role[] } = {}): MethodDecorator & ClassDecorator {
  const audience: Audience = { roles: options.roles?.length ? options.roles : 'signed-in' };
  const decorators = [ApiBearerAuth(), ApiExtension(ROLES_EXTENSION, audience)];
  if (options.roles?.length) decorators.push(SetMetadata(REQUIRED_ROLES, options.roles));
  return applyDecorators(...decorators);
}
