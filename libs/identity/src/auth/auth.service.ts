import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, UnauthenticatedError, ValidationFailedError } from '@samverka/platform';
import type { Language, User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { hashPassword, passwordProblems, spendVerificationTime, verifyPassword } from './password.js';
import { TokenService, type TokenPair } from './token.service.js';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  preferredLanguage?: Language;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Self-sign-up is for entrepreneurs only; every other role comes by invitation. */
  async register(registration: Registration): Promise<User> {
    assertAcceptablePassword(registration.password, registration.email);
    const passwordHash = await hashPassword(registration.password);
    return this.users.create({
      email: registration.email,
      displayName: registration.displayName,
      preferredLanguage: registration.preferredLanguage,
      passwordHash,
      roles: ['entrepreneur'],
    });
  }

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByEmailWithPassword(email);
    if (!user?.passwordHash) {
      await spendVerificationTime(password);
      throw wrongCredentials();
    }
    if (!(await verifyPassword(user.passwordHash, password)) || user.status !== 'active') throw wrongCredentials();
    return this.txHost.withTransaction(async () => {
      await this.audit.record({ action: 'user.logged_in', entityType: 'user', entityId: user.id, actorId: user.id });
      return this.tokens.issue(user);
    });
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokens.rotate(refreshToken, (id) => this.users.findById(id));
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }
}

/** One message for an unknown address and a wrong password, so accounts cannot be probed. */
const wrongCredentials = () => new UnauthenticatedError('The email address or password is wrong.', 'invalid_credentials');

export function assertAcceptablePassword(password: string, email?: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw new ValidationFailedError(problems);
}
