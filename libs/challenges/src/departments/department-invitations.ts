import { Injectable } from '@nestjs/common';
import { invitationLifecycle, type InvitationState, type InvitationSubject } from '@samverka/identity';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { DepartmentsService } from './departments.service.js';

/** Accepting an invitation to a department makes the person its member, in the same transaction. */
@Injectable()
@FillsHookSlot(invitationLifecycle.hooks.accepted, 'challenges')
export class DepartmentInvitations implements LifecycleHook<InvitationState, InvitationSubject> {
  constructor(private readonly departments: DepartmentsService) {}

  run({ subject: { invitation, user } }: Move<InvitationState, InvitationSubject>): Promise<void> {
    return this.departments.addMemberFromInvitation(invitation, user);
  }
}
