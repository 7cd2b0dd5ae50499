import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig, AuditTrail, ConflictError, ForbiddenError, UnauthenticatedError, ValidationFailedError } from '@samverka/platform';
import { randomBytes } from 'node:crypto';
import { Mailer, type MailMessage } from '../mail/mailer.js';
import type { Language } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { EmailConfirmation } from './email-confirmation.entity.js';
import { hashPassword, passwordProblems, spendVerificationTime, verifyPassword } from './password.js';
import { accountExistsMail, confirmationMail } from './registration-mail.js';
import { sha256, TokenService, type TokenPair } from './token.service.js';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  preferredLanguage?: Language;
}

/** How long a confirmation link works; registering again sends a fresh one. */
const CONFIRMATION_TTL_MS = 48 * 3600 * 1000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  private get confirmations() {
    return this.txHost.tx.getRepository(EmailConfirmation);
  }

  /**
   * Self-sign-up is for entrepreneurs only; every other role comes by invitation. The answer
   * is the same whether or not the address has an account: a new address is mailed a
   * confirmation link, a known one a note to its owner.
   */
  async register(registration: Registration): Promise<void> {
    assertAcceptablePassword(registration.password, registration.email);
    // Hashed for a known address too, so both answers take as long.
    const passwordHash = await hashPassword(registration.password);
    const mail = await this.startRegistration(registration, passwordHash).catch((error: unknown) => {
      // Two sign-ups of a new address at once: the later one finds the account of the first.
      if (error instanceof ConflictError && error.code === 'email_taken') return accountExistsMail(registration.email, this.config.PUBLIC_URL);
      throw error;
    });
    await this.mailer.send(mail).catch((error: unknown) => this.logger.error({ err: error }, 'registration mail could not be sent'));
  }

  private startRegistration(registration: Registration, passwordHash: string): Promise<MailMessage> {
    return this.txHost.withTransaction(async () => {
      const existing = await this.users.findByEmailForUpdate(registration.email);
      if (existing && (existing.emailConfirmedAt || existing.status !== 'active')) return accountExistsMail(existing.email, this.config.PUBLIC_URL);
      const details = { displayName: registration.displayName, preferredLanguage: registration.preferredLanguage, passwordHash };
      const user = existing
        ? await this.users.renewRegistration(existing, details)
        : await this.users.create({ email: registration.email, ...details, roles: ['entrepreneur'], emailConfirmed: false });
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + CONFIRMATION_TTL_MS);
      // One link per account: a later sign-up's link replaces an earlier one.
      await this.confirmations.upsert({ userId: user.id, tokenHash: sha256(token), expiresAt, createdAt: new Date() }, ['userId']);
      return confirmationMail(user.email, this.config.PUBLIC_URL, token, expiresAt);
    });
  }

  /** Following the mailed link proves the address; the account can log in from then on. */
  async confirmEmail(token: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const pending = await this.confirmations.findOne({ where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
      const user = pending && pending.expiresAt.getTime() > Date.now() ? await this.users.findById(pending.userId) : null;
      if (!pending || user?.status !== 'active') {
        throw new UnauthenticatedError('This confirmation link is not valid: it is unknown, used or expired. Register again for a new one.', 'invalid_confirmation_token');
      }
      await this.confirmations.delete({ userId: user.id });
      await this.users.confirmEmail(user);
    });
  }

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByEmailWithPassword(email);
    if (!user?.passwordHash) {
      await spendVerificationTime(password);
      throw wrongCredentials();
    }
    if (!(await verifyPassword(user.passwordHash, password)) || user.status !== 'active') throw wrongCredentials();
    // Told only to whoever knows the password, so it reveals nothing to a stranger.
    if (!user.emailConfirmedAt) throw new ForbiddenError('Confirm your email address first: follow the link Samverka mailed you.', 'email_not_confirmed');
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
