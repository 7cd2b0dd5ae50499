import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry } from '@samverka/platform';
import { DepartmentMembership } from './departments/department.entity.js';

/** A person's department memberships; an erased person belongs to no department any more. */
@Injectable()
export class ChallengesPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'departments',
      export: async (userId) => ({
        memberships: (await this.txHost.tx.getRepository(DepartmentMembership).find({ where: { userId }, order: { addedAt: 'ASC' } })).map(({ departmentId, addedAt }) => ({ departmentId, addedAt })),
      }),
      erase: async (userId) => {
        await this.txHost.tx.getRepository(DepartmentMembership).delete({ userId });
      },
    });
  }
}
