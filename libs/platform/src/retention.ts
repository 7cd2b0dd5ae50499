import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Idempotency keys answer retries for a day; rate-limit windows only while they run. */
@Injectable()
export class PlatformRetention {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purge(): Promise<Record<string, number>> {
    const [, keys] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
    const [, limits] = await this.dataSource.query(`DELETE FROM rate_limits WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
    return { idempotencyKeys: keys, rateLimits: limits };
  }
}
