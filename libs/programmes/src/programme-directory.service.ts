import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { queryRows, selectList } from '@samverka/platform';
import { In } from 'typeorm';
import { Application } from './applications/application.entity.js';
import { Cohort } from './cohorts/cohort.entity.js';
import { EntrepreneurProfile } from './entrepreneurs/entrepreneur-profile.entity.js';
import type { CohortState } from './cohorts/cohort-lifecycle.js';
import type { GraduationCriterion } from './content/cohort-content.js';
import { ProgrammeManager } from './programmes/programme.entity.js';

export type { CohortState } from './cohorts/cohort-lifecycle.js';

export interface CohortSummary {
  id: string;
  programmeId: string;
  name: string;
  state: CohortState;
  languages: string[];
}

/** Applications that are not (or no longer) a real application to the cohort. */
const NOT_APPLYING = ['draft', 'withdrawn'];

// Caller facts the access rules ask for on most requests, read by hand (see `paginateRows`).
const PROGRAMMES_OF_MANAGER = `SELECT ${selectList<ProgrammeManager>('m', ['programmeId'])} FROM programme_managers m WHERE m.user_id = $1`;
const COHORTS_OF_APPLICANT = `SELECT ${selectList<Application>('a', ['cohortId'])} FROM applications a WHERE a.applicant_id = $1 AND a.state <> ALL($2::text[])`;

/**
 * Read-only views of programmes and cohorts for other contexts (challenges, tracks, impact):
 * they ask here instead of reading this context's tables.
 */
@Injectable()
export class ProgrammeDirectory {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async managedProgrammeIds(userId: string): Promise<string[]> {
    const rows = await queryRows<{ programmeId: string }>(this.txHost.tx, PROGRAMMES_OF_MANAGER, [userId]);
    return rows.map((row) => row.programmeId);
  }

  async findCohort(cohortId: string): Promise<CohortSummary | null> {
    const cohort = await this.txHost.tx.getRepository(Cohort).findOneBy({ id: cohortId });
    return cohort ? { id: cohort.id, programmeId: cohort.programmeId, name: cohort.name, state: cohort.state, languages: cohort.languages } : null;
  }

  /** Cohorts the person applied to (drafts and withdrawn applications excluded) or takes part in. */
  async cohortIdsOfEntrepreneur(userId: string): Promise<string[]> {
    const rows = await queryRows<{ cohortId: string }>(this.txHost.tx, COHORTS_OF_APPLICANT, [userId, NOT_APPLYING]);
    return rows.map((row) => row.cohortId);
  }

  /** The participants of a cohort: its accepted applicants. */
  async participantsOfCohort(cohortId: string): Promise<{ userId: string; applicationId: string }[]> {
    const rows = await this.txHost.tx
      .getRepository(Application)
      .find({ where: { cohortId, state: 'accepted' }, select: { id: true, applicantId: true }, order: { decidedAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({ userId: row.applicantId, applicationId: row.id }));
  }

  /** How many participants (accepted applicants) a cohort has. */
  countParticipantsOfCohort(cohortId: string): Promise<number> {
    return this.txHost.tx.getRepository(Application).countBy({ cohortId, state: 'accepted' });
  }

  /** The profiles of these people, for matching; people without a profile are left out. */
  profilesOf(userIds: string[]): Promise<EntrepreneurProfile[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.txHost.tx.getRepository(EntrepreneurProfile).findBy({ userId: In(userIds) });
  }

  async cohortIdsOfProgrammes(programmeIds: string[]): Promise<string[]> {
    if (!programmeIds.length) return [];
    const rows = await this.txHost.tx.getRepository(Cohort).find({ where: { programmeId: In(programmeIds) }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** What graduation from the cohort requires: its checklist, in order. */
  async graduationCriteriaOf(cohortId: string): Promise<GraduationCriterion[]> {
    const cohort = await this.txHost.tx.getRepository(Cohort).findOne({ where: { id: cohortId }, select: { id: true, graduationCriteria: true } });
    return cohort?.graduationCriteria ?? [];
  }
}
