import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CurrentActor, NotFoundError, type Actor } from '@samverka/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { Cohort } from '../cohorts/cohort.entity.js';
import { Programme } from '../programmes/programme.entity.js';

const NOTHING = 'FALSE';
const anyOf = (conditions: string[]): string => (conditions.length ? `(${conditions.map((c) => `(${c})`).join(' OR ')})` : NOTHING);

/**
 * Who sees and manages what, as SQL conditions on the caller. Every load goes through one of
 * them, so an object outside the caller's scope is simply not found (404), never refused.
 * Admins manage every programme; a programme manager the programmes they are assigned to.
 */
@Injectable()
export class ProgrammeScope {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly actor: CurrentActor,
  ) {}

  get caller(): Actor {
    return this.actor.required;
  }

  private is(role: Actor['roles'][number]): boolean {
    return this.caller.roles.includes(role);
  }

  /** Programme alias `p`, or any alias with a programme id column. */
  managesProgramme(programmeIdColumn: string): string {
    if (this.is('admin')) return 'TRUE';
    if (!this.is('programme_manager')) return NOTHING;
    return `EXISTS (SELECT 1 FROM programme_managers pm WHERE pm.programme_id = ${programmeIdColumn} AND pm.user_id = :actorId)`;
  }

  /** Managers see a cohort of their programmes; entrepreneurs open cohorts and those they applied to; reviewers theirs. */
  seesCohort(c: string): string {
    const conditions = [this.managesProgramme(`${c}.programme_id`)];
    if (this.is('entrepreneur')) {
      conditions.push(`${c}.state = 'open'`, `EXISTS (SELECT 1 FROM applications sa WHERE sa.cohort_id = ${c}.id AND sa.applicant_id = :actorId)`);
    }
    if (this.is('reviewer')) conditions.push(`EXISTS (SELECT 1 FROM cohort_reviewers cr WHERE cr.cohort_id = ${c}.id AND cr.user_id = :actorId)`);
    return anyOf(conditions.filter((condition) => condition !== NOTHING));
  }

  /** Managers see submitted (non-draft) applications of their cohorts. */
  managesApplication(a: string): string {
    const manages = this.managesProgramme('sc.programme_id');
    if (manages === NOTHING) return NOTHING;
    return `${a}.state <> 'draft' AND EXISTS (SELECT 1 FROM cohorts sc WHERE sc.id = ${a}.cohort_id AND ${manages})`;
  }

  isAssignedReviewer(a: string): string {
    return `EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = ${a}.id AND ra.reviewer_id = :actorId)`;
  }

  /** The applicant, the cohort's managers and the reviewers assigned to it. */
  seesApplication(a: string): string {
    return anyOf([`${a}.applicant_id = :actorId`, this.managesApplication(a), this.isAssignedReviewer(a)].filter((c) => c !== NOTHING));
  }

  /** Narrows a query to `condition` for the caller. */
  within<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, condition: string): SelectQueryBuilder<E> {
    return query.andWhere(condition, { actorId: this.caller.id });
  }

  private async loadOne<E extends ObjectLiteral>(entity: new () => E, name: string, id: string, condition: string, lock: boolean): Promise<E> {
    const query = this.within(this.txHost.tx.getRepository(entity).createQueryBuilder('x').where('x.id = :id', { id }), condition);
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found) throw new NotFoundError(name, id);
    return found;
  }

  managedProgramme(id: string, lock = false): Promise<Programme> {
    return this.loadOne(Programme, 'Programme', id, this.managesProgramme('x.id'), lock);
  }

  visibleCohort(id: string): Promise<Cohort> {
    return this.loadOne(Cohort, 'Cohort', id, this.seesCohort('x'), false);
  }

  managedCohort(id: string, lock = false): Promise<Cohort> {
    return this.loadOne(Cohort, 'Cohort', id, this.managesProgramme('x.programme_id'), lock);
  }

  visibleApplication(id: string): Promise<Application> {
    return this.loadOne(Application, 'Application', id, this.seesApplication('x'), false);
  }

  managedApplication(id: string, lock = false): Promise<Application> {
    return this.loadOne(Application, 'Application', id, this.managesApplication('x'), lock);
  }

  ownApplication(id: string, lock = false): Promise<Application> {
    return this.loadOne(Application, 'Application', id, 'x.applicant_id = :actorId', lock);
  }

  /** The cohort of an application the caller already reached through one of the scopes above. */
  cohortOfApplication(application: Application, lock = false): Promise<Cohort> {
    return this.txHost.tx.getRepository(Cohort).findOneOrFail({ where: { id: application.cohortId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
  }

  assignedApplication(id: string, lock = false): Promise<Application> {
    return this.loadOne(Application, 'Application', id, this.isAssignedReviewer('x'), lock);
  }
}
