import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule, InvitationsService } from '@samverka/identity';
import { ProgrammesModule } from '@samverka/programmes';
import { ChallengeDirectory } from './challenge-directory.js';
import { ChallengeProgress } from './challenge-progress.js';
import { ChallengesPersonalData } from './challenges-personal-data.js';
import { Challenge, ChallengeReview, ChallengeRevision } from './challenges/challenge.entity.js';
import { ChallengeScopes } from './challenges/challenge-scope.js';
import { ChallengesService } from './challenges/challenges.service.js';
import { Department, DepartmentMembership } from './departments/department.entity.js';
import { DepartmentMembershipService } from './departments/department-membership.service.js';
import { DepartmentsService } from './departments/departments.service.js';
import { TestEnvironment } from './test-environments/test-environment.entity.js';
import { TestEnvironmentsService } from './test-environments/test-environments.service.js';

export const challengesEntities = [Department, DepartmentMembership, TestEnvironment, Challenge, ChallengeRevision, ChallengeReview];

@Module({
  imports: [IdentityModule, ProgrammesModule],
  providers: [DepartmentMembershipService, DepartmentsService, TestEnvironmentsService, ChallengeScopes, ChallengesService, ChallengeDirectory, ChallengeProgress, ChallengesPersonalData],
  exports: [DepartmentsService, TestEnvironmentsService, ChallengesService, ChallengeDirectory, ChallengeProgress],
})
export class ChallengesModule implements OnModuleInit {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * An invitation may name only a department the inviter sees (otherwise 404); accepting it
   * makes the person its member, in the same transaction.
   */
  onModuleInit(): void {
    this.invitations.checkScopeWith(async ({ departmentId }) => {
      if (departmentId) await this.departments.get(departmentId);
    });
    this.invitations.onAccepted((invitation, user) => this.departments.addMemberFromInvitation(invitation, user));
  }
}
