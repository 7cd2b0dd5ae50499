import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig, queryRows, UnauthenticatedError, type Actor } from '@samverka/platform';
import { type Role } from '../access/roles.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { User } from '../users/user.entity.js';
import { RefreshToken } from './refresh-token.entity.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Claims of an access token: the user, and the login (refresh-token family) it belongs to. */
export interface AccessClaims {
  sub: string;
  sid: string;
  roles: Role[];
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private get tokens() {
    return this.txHost.tx.getRepository(RefreshToken);
  }

  /** Starts a new login: a new refresh-token family. */
  issue(user: User): Promise<TokenPair> {
    return this.issueInFamily(user, randomUUID());
  }

  /**
   * Rotates a refresh token. A token presented twice means it leaked: the whole family
   * (this login on every device that holds it) is revoked.
   */
  async rotate(presented: string, loadUser: (id: string) => Promise<User | null>): Promise<TokenPair> {
    const outcome = await this.txHost.withTransaction(async () => {
      const token = await this.tokens.findOne({ where: { tokenHash: sha256(presented) }, lock: { mode: 'pessimistic_write' } });
      if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return { error: 'invalid' as const };
      if (token.usedAt) {
        await this.revokeFamily(token.familyId);
        return { error: 'reused' as const };
      }
      const user = await loadUser(token.userId);
      if (!user || user.status !== 'active') return { error: 'invalid' as const };
      token.usedAt = new Date();
      await this.tokens.save(token);
      return { pair: await this.issueInFamily(user, token.familyId) };
    });
    if ('pair' in outcome && outcome.pair) return outcome.pair;
    throw new UnauthenticatedError(
      outcome.error === 'reused' ? 'This refresh token was already used; the session has been revoked. Log in again.' : 'The refresh token is not valid.',
      'invalid_refresh_token',
    );
  }

  /** Logout: ends the login the token belongs to, its access tokens included. */
  async revoke(presented: string): Promise<void> {
    const token = await this.tokens.findOneBy({ tokenHash: sha256(presented) });
    if (!token) throw new UnauthenticatedError('The refresh token is not valid.', 'invalid_refresh_token');
    await this.revokeFamily(token.familyId);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Is this access token's login still alive, and its user still active? */
  async actorFor(claims: AccessClaims): Promise<Actor | null> {
    const [row] = await queryRows<{ roles: Role[] }>(
      this.txHost.tx,
      `SELECT u.roles FROM users u
        WHERE u.id = $1 AND u.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.revoked_at IS NOT NULL)`,
      [claims.sub, claims.sid],
    );
    return row ? { id: claims.sub, roles: row.roles } : null;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issueInFamily(user: User, familyId: string): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    const claims: AccessClaims = { sub: user.id, sid: familyId, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}

export { sha256 };
