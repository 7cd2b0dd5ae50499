import { Injectable } from '@nestjs/common';
import { AccessPolicy, ALLOW, DENY, RecordKind } from '@samverka/platform';
import { Invitation } from './invitation.entity.js';

/** `manage`: see the invitation (never its token) and revoke it. */
export const InvitationRecords = new RecordKind<Invitation, 'manage'>('invitation', Invitation);

/** Identity's access rules, registered with the one policy. */
@Injectable()
export class InvitationAccessRules {
  constructor(policy: AccessPolicy) {
    policy.define(InvitationRecords, {
      // Whoever may invite answers for what they sent: admins for every invitation, programme managers for their own.
      manage: (caller, i) => {
        if (caller.is('admin')) return ALLOW;
        if (!caller.is('programme_manager')) return DENY;
        return { sql: `${i}.invited_by = :invitationCallerId`, params: { invitationCallerId: caller.id } };
      },
    });
  }
}
