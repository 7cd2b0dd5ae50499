import { Module, type OnModuleInit } from '@nestjs/common';
import { IdentityModule, InvitationsService } from '@samverka/identity';
import { ProgrammesModule } from '@samverka/programmes';
import { ChallengeDirectory } from './challenges/challenge-directory.js';
import { ChallengeProgress } from './challenges/challenge-progress.js';
import { ChallengesPersonalData } from './challenges-personal-data.js';
import { Challenge, ChallengeReview, ChallengeRevision } from './challenges/challenge.entity.js';
import { ChallengeAccessRules } from './access/challenge-access.js';
import { ChallengesService } from './challenges/challenges.service.js';
import { Department, DepartmentMembership } from './departments/department.entity.js';
import { DepartmentInvitations } from './departments/department-invitations.js';
import { DepartmentMembershipService } from './departments/department-membership.service.js';
import { DepartmentsService } from './departments/departments.service.js';
import { TestEnvironment } from './test-environments/test-environment.entity.js';
import { TestEnvironmentsService } from './test-environments/test-environments.service.js';

export const challengesEntities = [Department, DepartmentMembership, TestEnvironment, Challenge, ChallengeRevision, ChallengeReview];

@Module({
  imports: [IdentityModule, ProgrammesModule],
  providers: [DepartmentInvitations, DepartmentMembershipService, DepartmentsService, TestEnvironmentsService, ChallengeAccessRules, ChallengesService, ChallengeDirectory, ChallengeProgress, ChallengesPersonalData],
  exports: [DepartmentsService, TestEnvironmentsService, ChallengesService, ChallengeDirectory, ChallengeProgress],
})
export class ChallengesModule implements OnModuleInit {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly departments: DepartmentsService,
  ) {}

  /** An invitation may name only a department the inviter sees (otherwise 404); accepting it is `DepartmentInvitations`. */
  onModuleInit(): void {
    this.invitations.checkScopeWith(async ({ departmentId }) => {
      if (departmentId) await this.departments.get(departmentId);
    });
  }
}
