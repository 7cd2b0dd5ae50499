import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { Challenge } from './challenge.entity.js';
import type { ChallengeState } from './challenge-lifecycle.js';
import { DepartmentMembershipService } from '../departments/department-membership.service.js';
import { Department, DepartmentMembership } from '../departments/department.entity.js';
import { TestEnvironment } from '../test-environments/test-environment.entity.js';

/** What matching needs to know of a challenge. */
export interface ChallengeFacts {
  id: string;
  departmentId: string;
  cohortId: string;
  title: string;
  state: ChallengeState;
  themes: string[];
  sdgs: number[];
  competences: string[];
  languages: string[];
  municipalityCode: string | null;
  hoursPerWeek: number | null;
  seats: number;
}

/** A test environment as a track sees it. */
export interface OfferedTestEnvironment {
  id: string;
  departmentId: string;
  name: string;
  writtenConsentRequired: boolean;
  /** What the department asks of consent there, in its own words. */
  consentRules: string | null;
}

/** Challenges still open to matching: approved, or matched with seats possibly left. */
const MATCHABLE_STATES: readonly ChallengeState[] = ['approved', 'matched'];

/** Read-only views of challenges and departments for other contexts (matching, tracks, impact). */
@Injectable()
export class ChallengeDirectory {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly membership: DepartmentMembershipService,
  ) {}

  /** The cohort's approved (or already matched) challenges, oldest first. */
  async approvedChallengesOfCohort(cohortId: string): Promise<ChallengeFacts[]> {
    const rows = await this.txHost.tx
      .getRepository(Challenge)
      .find({ where: { cohortId, state: In(MATCHABLE_STATES) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({
      id: c.id,
      departmentId: c.departmentId,
      cohortId,
      title: c.title,
      state: c.state,
      themes: c.themes,
      sdgs: c.sdgs,
      competences: c.competences,
      languages: c.languages,
      municipalityCode: c.municipalityCode,
      hoursPerWeek: c.hoursPerWeek,
      seats: c.seats,
    }));
  }

  /** Challenge id → title, for telling people what a message is about. */
  async titlesOf(challengeIds: string[]): Promise<Map<string, string>> {
    if (!challengeIds.length) return new Map();
    const rows = await this.txHost.tx.getRepository(Challenge).find({ where: { id: In(challengeIds) }, select: { id: true, title: true } });
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** Department id → name, in one query. */
  async departmentNamesOf(departmentIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(departmentIds)];
    if (!unique.length) return new Map();
    const rows = await this.txHost.tx.getRepository(Department).find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** The test environments the challenge offers, by name. */
  async offeredTestEnvironments(challengeId: string): Promise<OfferedTestEnvironment[]> {
    const challenge = await this.txHost.tx.getRepository(Challenge).findOne({ where: { id: challengeId }, select: { id: true, testEnvironmentIds: true } });
    if (!challenge?.testEnvironmentIds.length) return [];
    const environments = await this.txHost.tx.getRepository(TestEnvironment).find({ where: { id: In(challenge.testEnvironmentIds) }, order: { name: 'ASC', id: 'ASC' } });
    return environments.map(offered);
  }

  async memberIdsOfDepartment(departmentId: string): Promise<string[]> {
    const rows = await this.txHost.tx.getRepository(DepartmentMembership).find({ where: { departmentId }, select: { userId: true } });
    return rows.map((row) => row.userId);
  }

  /** The test environment, if the challenge offers it; null otherwise. */
  async offeredTestEnvironment(challengeId: string, testEnvironmentId: string): Promise<OfferedTestEnvironment | null> {
    const challenge = await this.txHost.tx.getRepository(Challenge).findOne({ where: { id: challengeId }, select: { id: true, testEnvironmentIds: true } });
    if (!challenge?.testEnvironmentIds.includes(testEnvironmentId)) return null;
    const environment = await this.txHost.tx.getRepository(TestEnvironment).findOneBy({ id: testEnvironmentId });
    return environment && offered(environment);
  }
}

const offered = ({ id, departmentId, name, writtenConsentRequired, consentRules }: TestEnvironment): OfferedTestEnvironment => ({ id, departmentId, name, writtenConsentRequired, consentRules });
