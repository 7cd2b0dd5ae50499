import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '@samverka/platform';

const LOGIN_ROUTE = 'samverka:login-route';

/** Marks a route whose attempts count against the per-account and per-address login limits. */
export const LoginThrottled = (): MethodDecorator => SetMetadata(LOGIN_ROUTE, true);

const isLoginRoute = (context: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_ROUTE, context.getHandler()) === true;

/** Guessing passwords is slowed per account (whatever the address) and per address (whatever the account). */
export function LOGIN_THROTTLERS(config: AppConfig): ThrottlerOptions[] {
  const window = config.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000;
  return [
    {
      name: 'login-account',
      ttl: window,
      limit: config.LOGIN_RATE_LIMIT,
      blockDuration: window,
      skipIf: (context) => !isLoginRoute(context),
      getTracker: (req: Record<string, unknown>) => `account:${String((req.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`,
    },
    {
      name: 'login-address',
      ttl: window,
      // An office behind one address holds many people: a wider limit than per account.
      limit: config.LOGIN_RATE_LIMIT * 5,
      blockDuration: window,
      skipIf: (context) => !isLoginRoute(context),
    },
  ];
}
