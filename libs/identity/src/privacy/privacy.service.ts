import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, NotFoundError, PersonalDataRegistry, UnauthenticatedError } from '@samverka/platform';
import { verifyPassword } from '../auth/password.js';
import { ConsentsService } from '../consents/consents.service.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';

/** The consent purpose under which authored learnings outlive an erased account. */
export const RESEARCH_PURPOSE = 'research_use';

export interface PersonalExport {
  exportedAt: string;
  consents: { purpose: string; textVersion: number; given: boolean; recordedAt: string }[];
  /** One section per contributor to the personal-data registry: account, notifications, auditEvents, programmes, … */
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
    await this.users.getById(userId);
    const consents = await this.consents.history(userId);
    const sections: Record<string, unknown> = {};
    for (const contributor of this.registry.all) sections[contributor.section] = await contributor.export(userId);
    return {
      exportedAt: new Date().toISOString(),
      consents: consents.map((c) => ({ purpose: c.purpose, textVersion: c.textVersion, given: c.given, recordedAt: c.recordedAt.toISOString() })),
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
   * Removes the person: every contributor to the registry blanks its personal fields (the account
   * its name and address, the trail and the notifications the person's words and the words about
   * them) and the account can no longer log in. Rows stay, so counts and reports stay right; the
   * audit trail records that an erasure happened, and nothing personal.
   */
  async erase(userId: string, reason: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const users = this.txHost.tx.getRepository(User);
      const user = await users.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status === 'erased') throw new NotFoundError('User', userId);
      await this.users.assertNotLastActiveAdmin(user);
      const keepAuthoredTextForResearch = await this.consents.hasConsented(userId, RESEARCH_PURPOSE);
      for (const contributor of this.registry.all) await contributor.erase(userId, { keepAuthoredTextForResearch, email: user.email });
      await users.update(userId, { status: 'erased' });
      await this.audit.record({ action: 'user.erased', entityType: 'user', entityId: userId, from: user.status, to: 'erased', reason, details: { keptAuthoredTextForResearch: keepAuthoredTextForResearch } });
    });
  }
}
