import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GraduationCriterion, Question, RubricCriterion, StageNorms } from '../content/cohort-content.js';
import type { CohortState } from './cohort-lifecycle.js';

@ForeignKey('programmes', ['programmeId'], ['id'], { name: 'cohorts_programme_id_fkey' })
@Check('cohorts_check', `(application_closes_at > application_opens_at)`)
@Check('cohorts_check1', `((ends_on IS NULL) OR (starts_on IS NULL) OR (ends_on >= starts_on))`)
@Check('cohorts_seats_check', `(seats >= 1)`)
@Check('cohorts_state_check', `state IN ('planning', 'open', 'selecting', 'running', 'completed', 'archived')`)
@Index('cohorts_programme_idx', ['programmeId', 'createdAt', 'id'])
@Index('cohorts_state_idx', ['state', 'createdAt', 'id'])
@Entity('cohorts')
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'text' })
  name: string;

  /** The period the cohort runs, as calendar dates (YYYY-MM-DD). */
  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationOpensAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  applicationClosesAt: Date;

  @Column({ type: 'integer' })
  seats: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: Question[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  rubric: RubricCriterion[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  graduationCriteria: GraduationCriterion[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /**
   * Days a track normally spends in each stage; longer is flagged to the manager as stuck. The
   * default is DEFAULT_STAGE_NORMS as PostgreSQL writes jsonb back (keys by length, spaced).
   */
  @Column({ type: 'jsonb', default: () => `'{"matched": 14, "co_design": 42, "evaluation": 28, "test_environment": 56}'` })
  stageNormDays: StageNorms;

  @Column({ type: 'text', default: 'planning' })
  state: CohortState;

  /** Its aggregated learnings and impact figures are open data (`/api/open/…`), as a manager decided. */
  @Column({ type: 'boolean', default: false })
  publishesOpenData: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A jury member of one cohort; only they can be assigned its applications. */
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'cohort_reviewers_cohort_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['userId'], ['id'], { name: 'cohort_reviewers_user_id_fkey', onDelete: 'CASCADE' })
@Index('cohort_reviewers_user_idx', ['userId'])
@Entity('cohort_reviewers')
export class CohortReviewer {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
