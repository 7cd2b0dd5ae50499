import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { User } from './user.entity.js';

const ERASED_NAME = 'Raderad användare';

const accountPersonalColumns: readonly PersonalColumns[] = [
  { entity: User, columns: ['email', 'displayName'] },
  { entity: Invitation, columns: ['email'] },
];

/**
 * The account: name, address, password, logins, and the invitations that brought the person in.
 * Erasure replaces the name and address and ends every login; the row stays, so what points at
 * it (an actor in the trail, a reviewer of a score) still resolves, to no one.
 */
@Injectable()
export class AccountPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'account', holds: accountPersonalColumns, export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private async export(userId: string): Promise<unknown> {
    const user = await this.txHost.tx.getRepository(User).findOneByOrFail({ id: userId });
    const { id, email, displayName, preferredLanguage, roles, status } = user;
    // The invitations erasure deletes: those sent to the address or accepted by the account (not their token).
    const invitations = await this.txHost.tx
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.email = :email OR i.accepted_by = :userId', { email, userId })
      .orderBy('i.created_at', 'ASC')
      .getMany();
    return {
      id,
      email,
      displayName,
      preferredLanguage,
      roles,
      status,
      createdAt: user.createdAt.toISOString(),
      invitations: invitations.map((invitation) => ({
        email: invitation.email,
        role: invitation.role,
        scope: invitation.scope,
        sentAt: invitation.createdAt.toISOString(),
        expiresAt: invitation.expiresAt.toISOString(),
        acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
        revokedAt: invitation.revokedAt?.toISOString() ?? null,
      })),
    };
  }

  private async erase(userId: string): Promise<void> {
    const db = this.txHost.tx;
    const { email } = await db.getRepository(User).findOneByOrFail({ id: userId });
    await db.getRepository(Invitation).createQueryBuilder().delete().where('email = :email OR accepted_by = :userId', { email, userId }).execute();
    await db.getRepository(RefreshToken).update({ userId }, { revokedAt: new Date() });
    await db.getRepository(User).update(userId, { email: `erased-${userId}@erased.invalid`, displayName: ERASED_NAME, passwordHash: null });
  }
}
