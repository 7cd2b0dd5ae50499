import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Tokens are kept no longer than they can serve: refresh tokens a day past their end (so
 * reuse of a just-expired token is still recognised), invitations thirty days after they
 * were used, revoked or ran out.
 */
@Injectable()
export class IdentityRetention {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purge(): Promise<Record<string, number>> {
    const [, refreshTokens] = await this.dataSource.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
    );
    const [, invitations] = await this.dataSource.query(
      `DELETE FROM invitations WHERE coalesce(accepted_at, revoked_at, expires_at) < now() - interval '30 days'`,
    );
    return { refreshTokens, invitations };
  }
}
