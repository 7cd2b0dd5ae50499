import { Injectable } from '@nestjs/common';
import { CurrentActor } from '@samverka/platform';
import { ProgrammeDirectory } from '@samverka/programmes';
import type { SelectQueryBuilder } from 'typeorm';
import { DepartmentMembershipService } from '../departments/department-membership.service.js';
import type { Challenge } from './challenge.entity.js';
import { APPROVED_STATES } from './challenge-lifecycle.js';

/**
 * What one caller may see of challenges, by the union of their roles: admins everything;
 * department members their departments' challenges; managers the submitted ones not yet in a
 * cohort (the shared review queue) and those in their programmes' cohorts, never a draft;
 * entrepreneurs the approved challenges of cohorts they applied to or take part in.
 */
export interface ChallengeScope {
  all: boolean;
  departmentIds: string[];
  submittedOnes: boolean;
  /** The cohorts of the programmes the caller manages. */
  managedCohortIds: string[];
  cohortIds: string[];
}

@Injectable()
export class ChallengeScopes {
  constructor(
    private readonly actor: CurrentActor,
    private readonly membership: DepartmentMembershipService,
    private readonly programmes: ProgrammeDirectory,
  ) {}

  async ofCaller(): Promise<ChallengeScope> {
    const { id, roles } = this.actor.required;
    return {
      all: roles.includes('admin'),
      departmentIds: roles.includes('department_member') ? await this.membership.departmentIdsOf(id) : [],
      submittedOnes: roles.includes('programme_manager'),
      managedCohortIds: roles.includes('programme_manager') ? await this.programmes.cohortIdsOfProgrammes(await this.programmes.managedProgrammeIds(id)) : [],
      cohortIds: roles.includes('entrepreneur') ? await this.programmes.cohortIdsOfEntrepreneur(id) : [],
    };
  }

  /** Narrows a query on `c` (challenges) to what the scope sees. */
  apply(qb: SelectQueryBuilder<Challenge>, scope: ChallengeScope): SelectQueryBuilder<Challenge> {
    if (scope.all) return qb;
    const visible: string[] = [];
    if (scope.departmentIds.length) visible.push('c.department_id IN (:...scopeDepartmentIds)');
    // Only a challenge that was never submitted has no submission time: that is a draft.
    if (scope.submittedOnes) {
      const managed = scope.managedCohortIds.length ? ' OR c.cohort_id IN (:...scopeManagedCohortIds)' : '';
      visible.push(`(c.submitted_at IS NOT NULL AND (c.cohort_id IS NULL${managed}))`);
    }
    if (scope.cohortIds.length) visible.push('(c.state IN (:...scopeApprovedStates) AND c.cohort_id IN (:...scopeCohortIds))');
    return qb.andWhere(visible.length ? `(${visible.join(' OR ')})` : 'FALSE', {
      scopeDepartmentIds: scope.departmentIds,
      scopeApprovedStates: APPROVED_STATES,
      scopeCohortIds: scope.cohortIds,
      scopeManagedCohortIds: scope.managedCohortIds,
    });
  }

  /** The need owner's contact details are for the department, managers and admins, not entrepreneurs. */
  showsContacts(scope: ChallengeScope, challenge: Challenge): boolean {
    return scope.all || scope.submittedOnes || scope.departmentIds.includes(challenge.departmentId);
  }
}
