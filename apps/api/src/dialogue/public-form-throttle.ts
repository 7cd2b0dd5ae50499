import { Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AppConfig, PostgresThrottlerStorage, RateLimitedError } from '@samverka/platform';
import type { FastifyRequest } from 'fastify';

/**
 * A public form (no account) answers strangers: each address may send it PUBLIC_FORM_RATE_LIMIT
 * times per window, far fewer than the general limit, so nobody fills a meeting with made-up people.
 */
@Injectable()
export class PublicFormThrottleGuard implements CanActivate {
  constructor(
    private readonly storage: PostgresThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const window = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    const record = await this.storage.increment(`public-form:${request.ip ?? 'unknown'}`, window, this.config.PUBLIC_FORM_RATE_LIMIT, window);
    if (record.isBlocked) throw new RateLimitedError(Math.max(1, record.timeToBlockExpire));
    return true;
  }
}

export const PublicFormThrottled = (): MethodDecorator => UseGuards(PublicFormThrottleGuard);
