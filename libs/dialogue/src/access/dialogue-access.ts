import { Injectable } from '@nestjs/common';
import { memberOfDepartmentAt } from '@samverka/challenges';
import { AccessPolicy, ALLOW, anyOf, DENY, RecordKind } from '@samverka/platform';
import { DialogueMeeting } from '../dialogue.entities.js';

/**
 * `read`: see the meeting, its sign-ups and needs (staff who arrange or draft from meetings);
 * `arrange`: change it, record attendance, record and merge needs.
 */
export const DialogueMeetingRecords = new RecordKind<DialogueMeeting, 'read' | 'arrange'>('dialogue_meeting', DialogueMeeting);

/** The dialogue context's access rules, registered with the one policy. */
@Injectable()
export class DialogueAccessRules {
  constructor(policy: AccessPolicy) {
    policy.define(DialogueMeetingRecords, {
      // Meetings are open to the whole installation's staff: any department may draft a challenge from a need.
      read: (caller) => (caller.is('admin') || caller.is('programme_manager') || caller.is('department_member') ? ALLOW : DENY),
      /** Admins and managers any meeting; a department member the meetings they arranged or their departments arrange. */
      arrange: async (caller, m) => {
        if (caller.is('admin') || caller.is('programme_manager')) return ALLOW;
        if (!caller.is('department_member')) return DENY;
        return anyOf({ sql: `${m}.created_by = :dialogueCallerId`, params: { dialogueCallerId: caller.id } }, await memberOfDepartmentAt(caller, `${m}.department_id`));
      },
    });
  }
}
