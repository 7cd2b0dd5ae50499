import { Injectable } from '@nestjs/common';
import { AccessPolicy, ALLOW, anyOf, CallerFact, DENY, RecordKind, type Caller, type Condition } from '@samverka/platform';
import { applicantCohorts, managesCohortAt } from '@samverka/programmes';
import { Challenge } from '../challenges/challenge.entity.js';
import { APPROVED_STATES } from '../challenges/challenge-lifecycle.js';
import { Department } from '../departments/department.entity.js';
import { DepartmentMembershipService } from '../departments/department-membership.service.js';

/** `read`: see it (admins and managers all, others their own); `member`: act for it (its members only). */
export const DepartmentRecords = new RecordKind<Department, 'read' | 'member'>('department', Department);
/** `read`: see it; `edit`: draft, change, submit, withdraw (its department's members, admins). */
export const ChallengeRecords = new RecordKind<Challenge, 'read' | 'edit'>('challenge', Challenge);

/** The departments the caller is a member of. */
export const memberDepartments = new CallerFact<string[]>('memberDepartmentIds');

/** The caller is a member of the department whose id is in `departmentIdColumn`: the one definition of department membership. */
export async function memberOfDepartmentAt(caller: Caller, departmentIdColumn: string): Promise<Condition> {
  const departmentIds = await caller.get(memberDepartments);
  return departmentIds.length ? { sql: `${departmentIdColumn} = ANY(:memberDepartmentIds)`, params: { memberDepartmentIds: departmentIds } } : DENY;
}

/** Whether the caller is a member of the department. */
export async function isMemberOf(caller: Caller, departmentId: string): Promise<boolean> {
  return (await caller.get(memberDepartments)).includes(departmentId);
}

/**
 * The need owner's contact details are for the department, managers and admins, not
 * entrepreneurs: a test per challenge, the caller's facts read once for a whole page.
 */
export async function needOwnerContactsVisibleTo(caller: Caller): Promise<(challenge: Challenge) => boolean> {
  if (caller.is('admin') || caller.is('programme_manager')) return () => true;
  const departmentIds = caller.is('department_member') ? await caller.get(memberDepartments) : [];
  return (challenge) => departmentIds.includes(challenge.departmentId);
}

/** The challenges context's access rules and caller facts, registered with the one policy. */
@Injectable()
export class ChallengeAccessRules {
  constructor(policy: AccessPolicy, membership: DepartmentMembershipService) {
    policy.provide(memberDepartments, (actor) => membership.departmentIdsOf(actor.id));

    policy.define(DepartmentRecords, {
      read: (caller, d) => (caller.is('admin') || caller.is('programme_manager') ? ALLOW : memberOfDepartmentAt(caller, `${d}.id`)),
      member: (caller, d) => memberOfDepartmentAt(caller, `${d}.id`),
    });

    policy.define(ChallengeRecords, {
      edit: async (caller, c) => (caller.is('admin') ? ALLOW : caller.is('department_member') ? memberOfDepartmentAt(caller, `${c}.department_id`) : DENY),
      /**
       * Admins everything; department members their departments' challenges; managers the
       * submitted ones not yet in a cohort (the shared review queue) and those in their
       * programmes' cohorts, never a draft (a draft is the one never submitted); entrepreneurs
       * the approved challenges of cohorts they applied to or take part in.
       */
      read: async (caller, c) => {
        if (caller.is('admin')) return ALLOW;
        const conditions: Condition[] = [];
        if (caller.is('department_member')) conditions.push(await memberOfDepartmentAt(caller, `${c}.department_id`));
        if (caller.is('programme_manager')) {
          const manages = await managesCohortAt(caller, `${c}.cohort_id`);
          conditions.push({ sql: `${c}.submitted_at IS NOT NULL AND (${c}.cohort_id IS NULL OR ${manages.sql})`, params: manages.params });
        }
        const cohortIds = caller.is('entrepreneur') ? await caller.get(applicantCohorts) : [];
        if (cohortIds.length) {
          conditions.push({ sql: `${c}.state IN (:...approvedChallengeStates) AND ${c}.cohort_id = ANY(:applicantCohortIds)`, params: { approvedChallengeStates: APPROVED_STATES, applicantCohortIds: cohortIds } });
        }
        return anyOf(...conditions);
      },
    });
  }
}
