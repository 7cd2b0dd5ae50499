import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ChallengeContent, RouteToAdoption } from './challenge-content.js';
import type { ChallengeState, ReviewDecision } from './challenge-lifecycle.js';

@Entity('challenges')
export class Challenge implements ChallengeContent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  problemStatement: string | null;

  @Column({ type: 'text', nullable: true })
  targetGroup: string | null;

  @Column({ type: 'text', nullable: true })
  desiredOutcome: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  competences: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'char', length: 4, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'smallint', nullable: true })
  hoursPerWeek: number | null;

  @Column({ type: 'smallint', default: 1 })
  seats: number;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  testEnvironmentIds: string[];

  @Column({ type: 'jsonb' })
  routeToAdoption: RouteToAdoption;

  @Column({ type: 'text', default: 'draft' })
  state: ChallengeState;

  /** Set when a manager approves the challenge into a cohort. */
  @Column({ type: 'uuid', nullable: true })
  cohortId: string | null;

  /** The last time it was submitted: the review queue's order; null while never submitted. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** What was submitted, frozen: revisions are never changed (PostgreSQL refuses it). */
@Entity('challenge_revisions')
export class ChallengeRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  content: ChallengeContent;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  submittedAt: Date;
}

/** A manager's decision on one revision. */
@Entity('challenge_reviews')
export class ChallengeReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'integer' })
  revisionNumber: number;

  @Column({ type: 'text' })
  decision: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  cohortId: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  reviewedAt: Date;
}
