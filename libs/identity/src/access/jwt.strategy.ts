import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig, type Actor } from '@samverka/platform';
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
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return (await this.tokens.actorFor(claims)) ?? false;
  }
}
