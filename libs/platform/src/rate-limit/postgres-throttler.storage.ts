import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { queryRows } from '../database/rows.js';

export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

interface Row {
  hits: number;
  expires_in_ms: string;
  blocked_for_ms: string | null;
}

/**
 * Rate-limit counters in PostgreSQL, so every instance of Samverka counts the same hits.
 * One atomic upsert per hit: the window resets when it has passed, a block starts when
 * the limit is exceeded and lasts `blockDuration`.
 */
// While blocked the count stands still; once the window has passed it starts again at 1.
const NEXT_HITS = `CASE WHEN r.blocked_until > clock_timestamp() THEN r.hits
  WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END`;

@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const block = blockDuration > 0 ? blockDuration : ttl;
    return this.hit(key, ttl, limit, { firstMs: block, factor: 1, maxMs: block });
  }

  /**
   * Like `increment`, but each hit beyond the limit within the window is blocked twice as long
   * as the one before, from `firstBlockMs` up to `maxBlockMs`: a slowing down, not a lockout.
   */
  incrementWithGrowingBlocks(key: string, ttl: number, limit: number, firstBlockMs: number, maxBlockMs: number): Promise<ThrottlerStorageRecord> {
    return this.hit(key, ttl, limit, { firstMs: firstBlockMs, factor: 2, maxMs: maxBlockMs });
  }

  private async hit(key: string, ttl: number, limit: number, block: { firstMs: number; factor: number; maxMs: number }): Promise<ThrottlerStorageRecord> {
    const [row] = await queryRows<Row>(
      this.dataSource.manager,
      `INSERT INTO rate_limits AS r (key, hits, window_ends_at)
       VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = ${NEXT_HITS},
         window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END,
         blocked_until = CASE
           WHEN r.blocked_until > clock_timestamp() THEN r.blocked_until
           WHEN ${NEXT_HITS} > $3 THEN clock_timestamp()
             + make_interval(secs => least($6::float8, $4::float8 * power($5::float8, ${NEXT_HITS} - $3 - 1)) / 1000)
           ELSE NULL END
       RETURNING r.hits,
         (extract(epoch FROM r.window_ends_at - clock_timestamp()) * 1000)::text AS expires_in_ms,
         (extract(epoch FROM r.blocked_until - clock_timestamp()) * 1000)::text AS blocked_for_ms`,
      [key, ttl, limit, block.firstMs, block.factor, block.maxMs],
    );
    // blocked_until holds whole milliseconds, rounded: a fraction over is rounding, not a second more.
    const blockedForMs = row.blocked_for_ms === null ? 0 : Math.floor(Number(row.blocked_for_ms));
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(Number(row.expires_in_ms) / 1000)),
      isBlocked: blockedForMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedForMs / 1000)),
    };
  }
}
