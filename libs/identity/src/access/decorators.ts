import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@samverka/platform';

export const IS_PUBLIC = 'samverka:public';
export const REQUIRED_ROLES = 'samverka:roles';

/** Opens a route to callers without a token; everything else needs one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Who may call a route: any signed-in user, or one holding one of the given roles. Sets the
 * rule and the OpenAPI security in one place.
 */
export function Authenticated(options: { roles?: Role[] } = {}): MethodDecorator & ClassDecorator {
  const decorators = [
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token.' }),
  ];
  if (options.roles?.length) {
    decorators.push(
      SetMetadata(REQUIRED_ROLES, options.roles),
      ApiForbiddenResponse({ description: `Only for: ${options.roles.join(', ')}.` }),
    );
  }
  return applyDecorators(...decorators);
}
