import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditEvent, AuditTrail, NotFoundError, PersonalDataRegistry, UnauthenticatedError } from '@samverka/platform';
import { Brackets } from 'typeorm';
import { verifyPassword } from '../auth/password.js';
import { ConsentsService } from '../consents/consents.service.js';
import { Notification } from '../notifications/notification.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';

/** The consent purpose under which authored learnings outlive an erased account. */
export const RESEARCH_PURPOSE = 'research_use';

const ERASED_NAME = 'Raderad användare';

export interface PersonalExport {
  exportedAt: string;
  account: Pick<User, 'id' | 'email' | 'displayName' | 'preferredLanguage' | 'roles' | 'status'> & { createdAt: string };
  consents: { purpose: string; textVersion: number; given: boolean; recordedAt: string }[];
  notifications: { id: string; type: string; title: string; body: string; createdAt: string; readAt: string | null }[];
  auditEvents: { occurredAt: string; action: string; entityType: string; entityId: string | null; from: string | null; to: string | null; asActor: boolean }[];
  [section: string]: unknown;
}

/** A person's right to see everything held about them, and to be forgotten. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly consents: ConsentsService,
    private readonly registry: PersonalDataRegistry,
    private readonly audit: AuditTrail,
  ) {}

  async export(userId: string): Promise<PersonalExport> {
    const user = await this.users.getById(userId);
    const db = this.txHost.tx;
    const [consents, notifications, auditEvents] = await Promise.all([
      this.consents.history(userId),
      db.getRepository(Notification).find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      db
        .getRepository(AuditEvent)
        .createQueryBuilder('e')
        .where(new Brackets((who) => who.where('e.actor_id = :userId').orWhere('e.entity_id = :userId')), { userId })
        .orderBy('e.occurred_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany(),
    ]);
    const sections: Record<string, unknown> = {};
    for (const contributor of this.registry.all) sections[contributor.section] = await contributor.export(userId);
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        preferredLanguage: user.preferredLanguage,
        roles: user.roles,
        status: user.status,
        createdAt: user.createdAt.toISOString(),
      },
      consents: consents.map((c) => ({ purpose: c.purpose, textVersion: c.textVersion, given: c.given, recordedAt: c.recordedAt.toISOString() })),
      notifications: notifications.map((n) => ({ id: n.id, type: n.type, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      auditEvents: auditEvents.map((e) => ({
        occurredAt: e.occurredAt.toISOString(),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        from: e.fromState,
        to: e.toState,
        asActor: e.actorId === userId,
      })),
      ...sections,
    };
  }

  /** Erasure asked for by the person, who confirms it with their password. */
  async eraseSelf(userId: string, password: string): Promise<void> {
    const user = await this.users.getById(userId);
    const withPassword = await this.users.findByEmailWithPassword(user.email);
    if (!withPassword?.passwordHash || !(await verifyPassword(withPassword.passwordHash, password))) {
      throw new UnauthenticatedError('The password is wrong; the account was not erased.', 'invalid_credentials');
    }
    await this.erase(userId, 'at the person’s own request');
  }

  /**
   * Removes the person: every context blanks its personal fields, the account can no longer
   * log in, its name and address are replaced. Rows stay, so counts and reports stay right;
   * the audit trail records that an erasure happened, and nothing personal.
   */
  async erase(userId: string, reason: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const db = this.txHost.tx;
      const user = await db.getRepository(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status === 'erased') throw new NotFoundError('User', userId);
      await this.users.assertNotLastActiveAdmin(user);
      const keepAuthoredTextForResearch = await this.consents.hasConsented(userId, RESEARCH_PURPOSE);
      for (const contributor of this.registry.all) await contributor.erase(userId, { keepAuthoredTextForResearch });
      await db.getRepository(Notification).delete({ userId });
      await db.getRepository(RefreshToken).update({ userId }, { revokedAt: new Date() });
      const from = user.status;
      await db.getRepository(User).update(userId, {
        email: `erased-${userId}@erased.invalid`,
        displayName: ERASED_NAME,
        passwordHash: null,
        status: 'erased',
      });
      await this.audit.record({ action: 'user.erased', entityType: 'user', entityId: userId, from, to: 'erased', reason, details: { keptAuthoredTextForResearch: keepAuthoredTextForResearch } });
    });
  }
}
