import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, AppConfig, AuditTrail, CurrentActor, ForbiddenError, Lifecycles, type Page, type PageQueryDto, paginate, UnauthenticatedError } from '@samverka/platform';
import { type Role } from '../access/roles.js';
import { randomBytes } from 'node:crypto';
import { Mailer } from '../mail/mailer.js';
import { assertAcceptablePassword } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { sha256, TokenService, type TokenPair } from '../auth/token.service.js';
import type { Language, User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { Invitation, type InvitationScope } from './invitation.entity.js';
import { InvitationRecords } from './invitation-access.js';
import { invitationLifecycle, type InvitationState } from './invitation-lifecycle.js';

/** Which roles each inviter may hand out: admins any, programme managers the roles they work with. */
const INVITABLE_BY: Readonly<Partial<Record<Role, readonly Role[]>>> = {
  admin: ['admin', 'programme_manager', 'department_member', 'reviewer', 'entrepreneur'],
  programme_manager: ['reviewer', 'department_member', 'entrepreneur'],
};

export function rolesInvitableBy(roles: readonly string[]): Set<Role> {
  return new Set(roles.flatMap((role) => INVITABLE_BY[role as Role] ?? []));
}

export interface NewInvitation {
  email: string;
  role: Role;
  scope: InvitationScope;
}

export interface Acceptance {
  token: string;
  password: string;
  displayName: string;
  preferredLanguage?: Language;
}

/** Called before an invitation is made: the context owning a scope field refuses (404) one outside the inviter's scope. */
export type InvitationScopeCheck = (scope: InvitationScope) => Promise<void>;

/** The context owning a scope field names its records: id → name, for the ids it knows. */
export type InvitationScopeNamer = (scopes: readonly InvitationScope[]) => Promise<Map<string, string>>;

/** Where an invitation stands: `expired` is a pending one whose time ran out (not a move of the lifecycle). */
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function invitationStatusOf(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now ? 'expired' : 'pending';
}

/** Each status as a condition on the alias `i` (the same reading as invitationStatusOf). */
const STATUS_SQL: Record<InvitationStatus, string> = {
  pending: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()',
  accepted: 'i.accepted_at IS NOT NULL',
  expired: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()',
  revoked: 'i.accepted_at IS NULL AND i.revoked_at IS NOT NULL',
};

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');
  private readonly scopeChecks: InvitationScopeCheck[] = [];
  private readonly scopeNamers: InvitationScopeNamer[] = [];

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly lifecycles: Lifecycles,
    private readonly access: AccessPolicy,
  ) {}

  checkScopeWith(check: InvitationScopeCheck): void {
    this.scopeChecks.push(check);
  }

  nameScopesWith(namer: InvitationScopeNamer): void {
    this.scopeNamers.push(namer);
  }

  /** The names of the departments, programmes and cohorts these invitations are for, by id. */
  async scopeNamesOf(invitations: readonly Invitation[]): Promise<Map<string, string>> {
    const scopes = invitations.map((invitation) => invitation.scope);
    const maps = await Promise.all(this.scopeNamers.map((name) => name(scopes)));
    return new Map(maps.flatMap((names) => [...names]));
  }

  /** The invitations the caller answers for (see InvitationAccessRules), newest first. */
  async list(query: PageQueryDto, status: InvitationStatus): Promise<Page<Invitation>> {
    const qb = await this.access.filter(this.invitations.createQueryBuilder('i'), InvitationRecords, 'manage');
    qb.andWhere(STATUS_SQL[status]);
    return paginate(qb, query, { sortColumn: 'i.created_at', idColumn: 'i.id', direction: 'DESC', keyOf: (i) => [i.createdAt.toISOString(), i.id] });
  }

  /**
   * Takes back an invitation that was not used: its token stops working at once. An expired one
   * may be revoked too (it says so in the list); an accepted or already revoked one is a 409.
   */
  async revoke(id: string): Promise<Invitation> {
    return this.txHost.withTransaction(async () => {
      const invitation = await this.access.require(InvitationRecords, 'manage', id, { lock: 'pessimistic_write' });
      const from: InvitationState = invitation.acceptedAt ? 'accepted' : invitation.revokedAt ? 'revoked' : 'pending';
      invitationLifecycle.assertMove(from, 'revoked');
      invitation.revokedAt = new Date();
      invitation.revokedBy = this.actor.required.id;
      const saved = await this.invitations.save(invitation);
      await this.audit.record({ action: 'invitation.revoked', entityType: 'invitation', entityId: id, from, to: 'revoked' });
      return saved;
    });
  }

  private get invitations() {
    return this.txHost.tx.getRepository(Invitation);
  }

  async invite(request: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
    const inviter = this.actor.required;
    if (!rolesInvitableBy(inviter.roles).has(request.role)) {
      throw new ForbiddenError(`You may not invite people as ${request.role}.`);
    }
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.txHost.withTransaction(async () => {
      for (const check of this.scopeChecks) await check(request.scope);
      const saved = await this.invitations.save(
        this.invitations.create({
          email: request.email,
          role: request.role,
          scope: request.scope,
          tokenHash: sha256(token),
          invitedBy: inviter.id,
          expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_SECONDS * 1000),
        }),
      );
      await this.audit.record({ action: 'invitation.created', entityType: 'invitation', entityId: saved.id, to: 'pending', details: { role: request.role, scope: request.scope } });
      return saved;
    });
    await this.sendInvitationMail(invitation, token).catch((error: unknown) =>
      this.logger.error({ err: error, invitationId: invitation.id }, 'invitation mail could not be sent'),
    );
    return { invitation, token };
  }

  /** Creates the account, or adds the role to the account that already has this address. */
  async accept(acceptance: Acceptance): Promise<TokenPair> {
    return this.txHost.withTransaction(async () => {
      const invitation = await this.invitations.findOne({ where: { tokenHash: sha256(acceptance.token) }, lock: { mode: 'pessimistic_write' } });
      if (!invitation || invitationStatusOf(invitation) !== 'pending') {
        throw new UnauthenticatedError('This invitation is not valid: it is unknown, used, revoked or expired.', 'invalid_invitation');
      }
      const existing = await this.users.findByEmailWithPassword(invitation.email);
      let user: User;
      if (existing) {
        if (existing.status !== 'active' || !existing.passwordHash || !(await verifyPassword(existing.passwordHash, acceptance.password))) {
          throw new UnauthenticatedError('An account with this address exists; give its password to add the new role.', 'invalid_credentials');
        }
        // The invitation came to this address, so following it proves the address too.
        await this.users.confirmEmail(existing);
        user = await this.users.addRole(existing, invitation.role);
      } else {
        assertAcceptablePassword(acceptance.password, invitation.email);
        user = await this.users.create(
          {
            email: invitation.email,
            displayName: acceptance.displayName,
            preferredLanguage: acceptance.preferredLanguage,
            passwordHash: await hashPassword(acceptance.password),
            roles: [invitation.role],
            emailConfirmed: true,
          },
          invitation.invitedBy ?? undefined,
        );
      }
      // The contexts named in the invitation's scope take the person in: see invitation-lifecycle.ts.
      await this.lifecycles.move(invitationLifecycle, { subject: { invitation, user }, from: 'pending', to: 'accepted' }, async () => {
        invitation.acceptedAt = new Date();
        invitation.acceptedBy = user.id;
        await this.invitations.save(invitation);
      });
      await this.audit.record({ action: 'invitation.accepted', entityType: 'invitation', entityId: invitation.id, from: 'pending', to: 'accepted', actorId: user.id });
      return this.tokens.issue(user);
    });
  }

  private async sendInvitationMail(invitation: Invitation, token: string): Promise<void> {
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/invitations/accept?token=${token}`;
    await this.mailer.send({
      to: invitation.email,
      subject: 'Inbjudan till Samverka / Invitation to Samverka',
      text: [
        `Du är inbjuden till Samverka som ${invitation.role}. Acceptera inbjudan här: ${link}`,
        '',
        `You are invited to Samverka as ${invitation.role}. Accept the invitation here: ${link}`,
        '',
        `Inbjudningskod / invitation code: ${token}`,
        `Giltig till / valid until: ${invitation.expiresAt.toISOString()}`,
      ].join('\n'),
    });
  }
}

