import { Injectable, type OnModuleInit } from '@nestjs/common';
import { invitationLifecycle, InvitationsService, type InvitationState, type InvitationSubject } from '@samverka/identity';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { ChallengeDirectory } from '../challenges/challenge-directory.js';
import { DepartmentsService } from './departments.service.js';

/**
 * Accepting an invitation to a department makes the person its member, in the same transaction;
 * lists of invitations name the departments they are for.
 */
@Injectable()
@FillsHookSlot(invitationLifecycle.hooks.accepted, 'challenges')
export class DepartmentInvitations implements OnModuleInit, LifecycleHook<InvitationState, InvitationSubject> {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly invitations: InvitationsService,
    private readonly directory: ChallengeDirectory,
  ) {}

  onModuleInit(): void {
    this.invitations.nameScopesWith((scopes) => this.directory.departmentNamesOf(scopes.flatMap((scope) => (scope.departmentId ? [scope.departmentId] : []))));
  }

  run({ subject: { invitation, user } }: Move<InvitationState, InvitationSubject>): Promise<void> {
    return this.departments.addMemberFromInvitation(invitation, user);
  }
}
