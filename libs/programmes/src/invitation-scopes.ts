import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InvitationsService, type Invitation, type InvitationScope, type User } from '@samverka/identity';
import { ProgrammeScope } from './access/programme-scope.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { ProgrammesService } from './programmes/programmes.service.js';

/**
 * An invitation may name only a programme or cohort the inviter manages (otherwise 404, as
 * for any object outside one's scope). On acceptance, inside the accepting transaction, a
 * programme manager invited to a programme manages it; a reviewer invited to a cohort reviews for it.
 */
@Injectable()
export class InvitationScopes implements OnModuleInit {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly programmes: ProgrammesService,
    private readonly cohorts: CohortsService,
    private readonly scope: ProgrammeScope,
  ) {}

  onModuleInit(): void {
    this.invitations.checkScopeWith((scope) => this.check(scope));
    this.invitations.onAccepted((invitation, user) => this.apply(invitation, user));
  }

  private async check(scope: InvitationScope): Promise<void> {
    if (scope.programmeId) await this.scope.managedProgramme(scope.programmeId);
    if (scope.cohortId) await this.scope.managedCohort(scope.cohortId);
  }

  private async apply(invitation: Invitation, user: User): Promise<void> {
    if (invitation.role === 'programme_manager' && invitation.scope.programmeId) {
      await this.programmes.addManager(invitation.scope.programmeId, user.id, invitation.id);
    }
    if (invitation.role === 'reviewer' && invitation.scope.cohortId) {
      await this.cohorts.addInvitedReviewer(invitation.scope.cohortId, user.id, invitation.invitedBy, invitation.id);
    }
  }
}
