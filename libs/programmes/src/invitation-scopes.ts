import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { invitationLifecycle, InvitationsService, type InvitationScope, type InvitationState, type InvitationSubject } from '@samverka/identity';
import { AccessPolicy, FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { In } from 'typeorm';
import { CohortRecords, ProgrammeRecords } from './access/programme-access.js';
import { Cohort } from './cohorts/cohort.entity.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { Programme } from './programmes/programme.entity.js';
import { ProgrammesService } from './programmes/programmes.service.js';

/**
 * An invitation may name only a programme or cohort the inviter manages (otherwise 404, as
 * for any object outside one's scope). On acceptance, inside the accepting transaction, a
 * programme manager invited to a programme manages it; a reviewer invited to a cohort reviews for it.
 * Lists of invitations name the programmes and cohorts they are for.
 */
@Injectable()
@FillsHookSlot(invitationLifecycle.hooks.accepted, 'programmes')
export class InvitationScopes implements OnModuleInit, LifecycleHook<InvitationState, InvitationSubject> {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly programmes: ProgrammesService,
    private readonly cohorts: CohortsService,
    private readonly access: AccessPolicy,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.invitations.checkScopeWith((scope) => this.check(scope));
    this.invitations.nameScopesWith((scopes) => this.namesOf(scopes));
  }

  private async namesOf(scopes: readonly InvitationScope[]): Promise<Map<string, string>> {
    const ids = (field: 'programmeId' | 'cohortId') => [...new Set(scopes.flatMap((scope) => (scope[field] ? [scope[field]] : [])))];
    const [programmeIds, cohortIds] = [ids('programmeId'), ids('cohortId')];
    const db = this.txHost.tx;
    const rows = [
      ...(programmeIds.length ? await db.getRepository(Programme).find({ where: { id: In(programmeIds) }, select: { id: true, name: true } }) : []),
      ...(cohortIds.length ? await db.getRepository(Cohort).find({ where: { id: In(cohortIds) }, select: { id: true, name: true } }) : []),
    ];
    return new Map(rows.map((row) => [row.id, row.name]));
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
