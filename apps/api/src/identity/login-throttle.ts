import { Injectable, SetMetadata, UseGuards, applyDecorators, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AppConfig, PostgresThrottlerStorage, RateLimitedError } from '@samverka/platform';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** What a sign-in route lets a caller guess at: an account's password, or an invitation. */
type Target = 'account' | 'invitation';

const TARGET = 'samverka:login-target';

const targetOf: Record<Target, (body: Record<string, unknown>) => string> = {
  account: (body) => String(body.email ?? '').trim().toLowerCase(),
  invitation: (body) => String(body.token ?? ''),
};

/** Marks a route whose attempts count against the sign-in limits, per account or per invitation. */
export const LoginThrottled = (target: Target): MethodDecorator => applyDecorators(SetMetadata(TARGET, target), UseGuards(LoginThrottleGuard));

/** Beyond this many attempts per window on one account (or invitation), from all addresses together, each further one waits. */
const TARGET_CEILING_FACTOR = 10;
// An office behind one address holds many people: a wider limit than per account.
const ADDRESS_FACTOR = 5;
const FIRST_DELAY_MS = 1000;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Guessing is slowed without handing strangers a lockout: each address may try an account
 * LOGIN_RATE_LIMIT times per window (and any accounts five times as often), so a stranger
 * locks out only themselves. Only many addresses together reach the account's much higher
 * ceiling, and even then the account is slowed by delays that double (1 s, 2 s, 4 s …), not shut.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    private readonly storage: PostgresThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const target = Reflect.getMetadata(TARGET, context.getHandler()) as Target;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const subject = sha256(`${target}:${targetOf[target]((request.body ?? {}) as Record<string, unknown>)}`);
    const address = request.ip ?? 'unknown';
    const window = this.config.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000;
    const limit = this.config.LOGIN_RATE_LIMIT;
    // In this order, and no further once one is blocked: a blocked address adds nothing to the account's count.
    const checks = [
      () => this.storage.increment(`login:${subject}:${address}`, window, limit, window),
      () => this.storage.increment(`login:${target}s-from:${address}`, window, limit * ADDRESS_FACTOR, window),
      () => this.storage.incrementWithGrowingBlocks(`login:${subject}`, window, limit * TARGET_CEILING_FACTOR, FIRST_DELAY_MS, window),
    ];
    for (const check of checks) {
      const record = await check();
      if (record.isBlocked) throw new RateLimitedError(Math.max(1, record.timeToBlockExpire));
    }
    return true;
  }
}
