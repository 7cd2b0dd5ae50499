import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GraduationCriterion, Question, RubricCriterion, StageNorms } from '../content/cohort-content.js';
import type { CohortState } from './cohort-lifecycle.js';

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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A jury member of one cohort; only they can be assigned its applications. */
@Entity('cohort_reviewers')
export class CohortReviewer {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
