import { Injectable, type OnModuleInit } from '@nestjs/common';
import { invitationLifecycle, InvitationsService, type InvitationScope, type InvitationState, type InvitationSubject } from '@samverka/identity';
import { AccessPolicy, FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { CohortRecords, ProgrammeRecords } from './access/programme-access.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { ProgrammesService } from './programmes/programmes.service.js';

/**
 * An invitation may name only a programme or cohort the inviter manages (otherwise 404, as
 * for any object outside one's scope). On acceptance, inside the accepting transaction, a
 * programme manager invited to a programme manages it; a reviewer invited to a cohort reviews for it.
 */
@Injectable()
@FillsHookSlot(invitationLifecycle.hooks.accepted, 'programmes')
export class InvitationScopes implements OnModuleInit, LifecycleHook<InvitationState, InvitationSubject> {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly programmes: ProgrammesService,
    private readonly cohorts: CohortsService,
    private readonly access: AccessPolicy,
  ) {}

  onModuleInit(): void {
    this.invitations.checkScopeWith((scope) => this.check(scope));
  }

  private async check(scope: InvitationScope): Promise<void> {
    if (scope.programmeId) await this.access.require(ProgrammeRecords, 'manage', scope.programmeId);
    if (scope.cohortId) await this.access.require(CohortRecords, 'manage', scope.cohortId);
  }

  async run({ subject: { invitation, user } }: Move<InvitationState, InvitationSubject>): Promise<void> {
    if (invitation.role === 'programme_manager' && invitation.scope.programmeId) {
      await this.programmes.addManager(invitation.scope.programmeId, user.id, invitation.id);
    }
    if (invitation.role === 'reviewer' && invitation.scope.cohortId) {
      await this.cohorts.addInvitedReviewer(invitation.scope.cohortId, user.id, invitation.invitedBy, invitation.id);
    }
  }
}
