import type { MatchingAlgorithm, ProposingSide, ScoreWeights, ScoringInput } from '@samverka/matching';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { RunMetrics, RunResult } from './run-result.js';

export interface RunParameters {
  algorithm: MatchingAlgorithm;
  proposing?: ProposingSide;
  /** As requested (the defaults fill the rest); see resolveWeights. */
  weights: Partial<ScoreWeights>;
  pins: [string, string][];
  forbidden: [string, string][];
  includeMatched: boolean;
}

/** What the run saw, frozen: enough to explain it and to run it again with the same result. */
export interface RunInput extends Omit<ScoringInput, 'weights'> {
  /** Per challenge: its department and title, for matches and explanations. */
  challengeFacts: Record<string, { departmentId: string; title: string; seats: number; seatsTaken: number }>;
  /** Participants left out of the run and why (already matched, no profile, account no longer active). */
  excluded: { participantId: string; reason: 'already_matched' | 'no_profile' | 'inactive' }[];
}

/** Solved in the request, or (above the configured size) queued for the worker: queued → running → done or failed. */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * Why a run the worker made failed, for the app to word: `pins_conflict`, the locked pairs cannot
 * all hold (a locked pair the rules forbid, more locked than seats); `pair_not_in_run`, a locked
 * or forbidden pair names someone or a challenge no longer in the run; `timed_out`, the attempt
 * ended without an outcome (past the job's time limit, or the worker stopped); `internal_error`,
 * anything else (the details are in the worker's log).
 */
export const RUN_FAILURES = ['pins_conflict', 'pair_not_in_run', 'timed_out', 'internal_error'] as const;
export type RunFailure = (typeof RUN_FAILURES)[number];

/** A frozen proposal: input snapshot, parameters, engine version and result. */
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'matching_runs_cohort_id_fkey', onDelete: 'CASCADE' })
@Check('matching_runs_algorithm_check', `algorithm IN ('optimal', 'stable')`)
@Check('matching_runs_proposing_check', `proposing IN ('participants', 'challenges')`)
@Check('matching_runs_status_check', `status IN ('queued', 'running', 'done', 'failed')`)
@Check('matching_runs_progress_check', `progress BETWEEN 0 AND 100`)
@Check('matching_runs_failure_code_check', `failure_code IN ('pins_conflict', 'pair_not_in_run', 'timed_out', 'internal_error')`)
@Check('matching_runs_failed_check', `(status = 'failed') = (failure_code IS NOT NULL)`)
@Check('matching_runs_done_check', `status <> 'done' OR (input IS NOT NULL AND result IS NOT NULL)`)
@Index('matching_runs_cohort_idx', ['cohortId', 'createdAt', 'id'])
@Entity('matching_runs')
export class MatchingRunRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'text' })
  algorithm: MatchingAlgorithm;

  @Column({ type: 'text', nullable: true })
  proposing: ProposingSide | null;

  @Column({ type: 'jsonb' })
  parameters: RunParameters;

  /** Null until the worker has gathered a queued run's input. */
  @Column({ type: 'jsonb', nullable: true })
  input: RunInput | null;

  @Column({ type: 'text' })
  engineVersion: string;

  /** Null until the run is done. */
  @Column({ type: 'jsonb', nullable: true })
  result: RunResult | null;

  /** The result's metrics, for lists that should not read the whole result; null until done. */
  @Column({ type: 'jsonb', nullable: true })
  metrics: RunMetrics | null;

  @Column({ type: 'text', default: 'done' })
  status: RunStatus;

  /** Percent of the work done, for a run the worker solves. */
  @Column({ type: 'smallint', default: 100 })
  progress: number;

  /** Why a failed run failed; null unless failed. The engine's own words go to the log only. */
  @Column({ type: 'text', nullable: true })
  failureCode: RunFailure | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
