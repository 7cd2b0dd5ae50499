import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Far more than the routes times the callers of a busy minute; beyond it the keys are forgotten and hashed anew. */
const REMEMBERED_KEYS = 10_000;

/**
 * The stock rate-limit guard, its counters' keys remembered: it hashed the same route, limit
 * and caller anew on every request (SHA-256, so no address is stored in the clear).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly keys = new Map<string, string>();

  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    const plain = `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
    let key = this.keys.get(plain);
    if (key === undefined) {
      if (this.keys.size >= REMEMBERED_KEYS) this.keys.clear();
      key = super.generateKey(context, tracker, throttlerName);
      this.keys.set(plain, key);
    }
    return key;
  }
}
