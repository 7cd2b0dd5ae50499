import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig, type Actor } from '@samverka/platform';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { TokenService, type AccessClaims } from '../auth/token.service.js';

export const JWT_ALGORITHM = 'HS256';

/** Accepts only HS256 tokens signed with our secret, whose login is alive and user active. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly tokens: TokenService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the secret as a string, jsonwebtoken tries to read it as a
      // public key and then builds a secret key on every verification (a sixth of a request's CPU).
      // passport-jwt's types say string or Buffer; it hands the key to jsonwebtoken, which takes a KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.tokens.actorFor(claims)) ?? false;
  }
}
