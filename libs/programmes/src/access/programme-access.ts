import { Injectable } from '@nestjs/common';
import { AccessPolicy, ALLOW, allOf, anyOf, CallerFact, DENY, RecordKind, type Caller, type Condition } from '@samverka/platform';
import { Application } from '../applications/application.entity.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { ProgrammeDirectory } from '../programme-directory.service.js';
import { Programme } from '../programmes/programme.entity.js';

export const ProgrammeRecords = new RecordKind<Programme, 'manage'>('programme', Programme);
/**
 * `manage`: open, change, move, staff; `read`: see it (managers, its applicants while open or after
 * applying, its reviewers); `participate`: take part in it (its participants, the accepted applicants).
 */
export const CohortRecords = new RecordKind<Cohort, 'read' | 'manage' | 'participate'>('cohort', Cohort);
/** `own`: the applicant; `manage`: decide, assign reviewers (never a draft); `review`: an assigned reviewer; `read`: any of these. */
export const ApplicationRecords = new RecordKind<Application, 'read' | 'own' | 'manage' | 'review'>('application', Application);

/** The programmes the caller is a manager of (none unless they hold the role). */
export const managedProgrammes = new CallerFact<string[]>('managedProgrammeIds');

/** The cohorts the caller applied to (not drafts, not withdrawn) or takes part in. */
export const applicantCohorts = new CallerFact<string[]>('applicantCohortIds');

/**
 * Who manages a programme — and so its cohorts, their applications, matching and tracks:
 * admins all of them, a programme manager those they are assigned to. The one definition;
 * every other context reaches it through `managesCohortAt` or the kinds above.
 */
export async function managesProgramme(caller: Caller, programmeIdColumn: string): Promise<Condition> {
  if (caller.is('admin')) return ALLOW;
  if (!caller.is('programme_manager')) return DENY;
  return { sql: `${programmeIdColumn} = ANY(:managedProgrammeIds)`, params: { managedProgrammeIds: await caller.get(managedProgrammes) } };
}

/** The caller manages the cohort whose id is in `cohortIdColumn` (a column of any record that belongs to a cohort). */
export async function managesCohortAt(caller: Caller, cohortIdColumn: string): Promise<Condition> {
  const manages = await managesProgramme(caller, 'managed_cohort.programme_id');
  if (manages === ALLOW || manages === DENY) return manages;
  return { sql: `EXISTS (SELECT 1 FROM cohorts managed_cohort WHERE managed_cohort.id = ${cohortIdColumn} AND ${manages.sql})`, params: manages.params };
}

/** The programmes context's access rules and caller facts, registered with the one policy. */
@Injectable()
export class ProgrammeAccessRules {
  constructor(policy: AccessPolicy, directory: ProgrammeDirectory) {
    policy.provide(managedProgrammes, async (actor) => (actor.roles.includes('programme_manager') ? directory.managedProgrammeIds(actor.id) : []));

    policy.provide(applicantCohorts, async (actor) => (actor.roles.includes('entrepreneur') ? directory.cohortIdsOfEntrepreneur(actor.id) : []));

    policy.define(ProgrammeRecords, { manage: (caller, p) => managesProgramme(caller, `${p}.id`) });

    policy.define(CohortRecords, {
      manage: (caller, c) => managesProgramme(caller, `${c}.programme_id`),
      read: async (caller, c) =>
        anyOf(
          await managesProgramme(caller, `${c}.programme_id`),
          caller.is('entrepreneur') ? { sql: `${c}.state = 'open' OR EXISTS (SELECT 1 FROM applications sa WHERE sa.cohort_id = ${c}.id AND sa.applicant_id = :callerId)` } : DENY,
          caller.is('reviewer') ? { sql: `EXISTS (SELECT 1 FROM cohort_reviewers cr WHERE cr.cohort_id = ${c}.id AND cr.user_id = :callerId)` } : DENY,
        ),
      participate: (_caller, c) => ({ sql: `EXISTS (SELECT 1 FROM applications pa WHERE pa.cohort_id = ${c}.id AND pa.applicant_id = :callerId AND pa.state = 'accepted')` }),
    });

    const own = (a: string): Condition => ({ sql: `${a}.applicant_id = :callerId` });
    const manage = async (caller: Caller, a: string): Promise<Condition> => allOf({ sql: `${a}.state <> 'draft'` }, await managesCohortAt(caller, `${a}.cohort_id`));
    const review = (a: string): Condition => ({ sql: `EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = ${a}.id AND ra.reviewer_id = :callerId)` });
    policy.define(ApplicationRecords, {
      own: (_caller, a) => own(a),
      manage,
      review: (_caller, a) => review(a),
      read: async (caller, a) => anyOf(own(a), await manage(caller, a), review(a)),
    });
  }
}
