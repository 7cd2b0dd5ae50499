import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InvitationsService, type Invitation, type User } from '@samverka/identity';
import { CohortsService } from './cohorts/cohorts.service.js';
import { ProgrammesService } from './programmes/programmes.service.js';

/**
 * Acts on an accepted invitation's scope, inside the accepting transaction: a programme
 * manager invited to a programme manages it; a reviewer invited to a cohort reviews for it.
 */
@Injectable()
export class InvitationScopes implements OnModuleInit {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly programmes: ProgrammesService,
    private readonly cohorts: CohortsService,
  ) {}

  onModuleInit(): void {
    this.invitations.onAccepted((invitation, user) => this.apply(invitation, user));
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
