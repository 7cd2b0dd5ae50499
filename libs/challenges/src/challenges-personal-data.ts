import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { IsNull, Not } from 'typeorm';
import { ChallengeReview } from './challenges/challenge.entity.js';
import { DepartmentMembership } from './departments/department.entity.js';

const challengesPersonalColumns: readonly PersonalColumns[] = [{ entity: ChallengeReview, columns: ['comment'] }];

/**
 * A person's department memberships and the comments they wrote reviewing challenges. An erased
 * person belongs to no department any more; their comments go, the decisions stay.
 */
@Injectable()
export class ChallengesPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'departments',
      holds: challengesPersonalColumns,
      export: async (userId) => ({
        memberships: (await this.txHost.tx.getRepository(DepartmentMembership).find({ where: { userId }, order: { addedAt: 'ASC' } })).map(({ departmentId, addedAt }) => ({ departmentId, addedAt })),
        challengeReviewsWritten: (await this.txHost.tx.getRepository(ChallengeReview).find({ where: { reviewedBy: userId }, order: { reviewedAt: 'ASC' } })).map(
          ({ challengeId, revisionNumber, decision, comment, reviewedAt }) => ({ challengeId, revisionNumber, decision, comment, reviewedAt }),
        ),
      }),
      erase: async (userId) => {
        await this.txHost.tx.getRepository(DepartmentMembership).delete({ userId });
        // A review that asked for changes or rejected must keep a comment (CHECK constraint): blanked, not removed.
        await this.txHost.tx.getRepository(ChallengeReview).update({ reviewedBy: userId, comment: Not(IsNull()) }, { comment: '' });
        await this.txHost.tx.getRepository(ChallengeReview).update({ reviewedBy: userId }, { reviewedBy: null });
      },
    });
  }
}
