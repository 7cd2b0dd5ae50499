import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Challenge, ChallengeRecords } from '@samverka/challenges';
import { Cohort, CohortRecords, NORMED_STAGES } from '@samverka/programmes';
import { AccessPolicy } from '@samverka/platform';

/** One cohort's work waiting for its manager; cohorts with nothing waiting are left out. */
export interface CohortAgenda {
  cohortId: string;
  cohortName: string;
  /** Submitted applications without a decision. */
  applicationsAwaitingDecision: number;
  /** Proposed matches whose answer deadline has passed. */
  matchesPastDeadline: number;
  /** Tracks longer in their current stage than the cohort's norm for it. */
  tracksStuck: number;
}

export interface ManagerAgenda {
  /** Submitted challenges the caller may review (the shared queue and their cohorts'). */
  challengesAwaitingReview: number;
  cohorts: CohortAgenda[];
}

/** Cohorts in these states can have applications, matches or tracks waiting; the others cannot. */
const ACTIVE_COHORT_STATES = ['open', 'selecting', 'running'];

/** "What needs me today" for a programme manager, in two statements whatever the number of cohorts. */
@Injectable()
export class ManagerAgendaService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
  ) {}

  async forCaller(): Promise<ManagerAgenda> {
    const challenges = await this.access.filter(this.txHost.tx.getRepository(Challenge).createQueryBuilder('ch').where("ch.state = 'submitted'"), ChallengeRecords, 'read');
    const cohorts = await this.access.filter(this.txHost.tx.getRepository(Cohort).createQueryBuilder('c'), CohortRecords, 'manage');
    const rows = await cohorts
      .select('c.id', 'cohortId')
      .addSelect('c.name', 'cohortName')
      .addSelect("(SELECT count(*) FROM applications a WHERE a.cohort_id = c.id AND a.state = 'submitted')::int", 'applicationsAwaitingDecision')
      .addSelect("(SELECT count(*) FROM matches m WHERE m.cohort_id = c.id AND m.state = 'proposed' AND m.respond_by < now())::int", 'matchesPastDeadline')
      .addSelect(
        `(SELECT count(*) FROM tracks t WHERE t.cohort_id = c.id AND t.stage IN (:...normedStages)
            AND t.stage_entered_at < now() - make_interval(days => (c.stage_norm_days ->> t.stage)::int))::int`,
        'tracksStuck',
      )
      .andWhere('c.state IN (:...activeCohortStates)', { activeCohortStates: ACTIVE_COHORT_STATES, normedStages: [...NORMED_STAGES] })
      .orderBy('c.created_at', 'DESC')
      .getRawMany<CohortAgenda>();
    return {
      challengesAwaitingReview: await challenges.getCount(),
      cohorts: rows.filter((row) => row.applicationsAwaitingDecision + row.matchesPastDeadline + row.tracksStuck > 0),
    };
  }
}
