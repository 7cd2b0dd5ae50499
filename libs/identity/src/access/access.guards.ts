import { ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CurrentActor, ForbiddenError, UnauthenticatedError, type Actor } from '@samverka/platform';
import { type Role } from './roles.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';

/** Secure by default: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly actor: CurrentActor,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) {
      // A public route still knows a caller who sent a valid token (e.g. for idempotency keys).
      const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
      if (header) await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T = Actor>(error: unknown, actor: T | false): T {
    if (error || !actor) throw new UnauthenticatedError();
    this.actor.set(actor as unknown as Actor);
    return actor;
  }
}

/** Checks the roles a route names; runs after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actor: CurrentActor,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const actor = this.actor.optional;
    if (!actor) throw new UnauthenticatedError();
    if (!roles.some((role) => actor.roles.includes(role))) throw new ForbiddenError();
    return true;
  }
}
