import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ChallengeContent, RouteToAdoption } from './challenge-content.js';
import type { ChallengeState, ReviewDecision } from './challenge-lifecycle.js';

/** The dialogue meeting and need a challenge was drafted from, and who stood behind the need then. */
export interface ChallengeOrigin {
  meetingId: string;
  meetingTheme: string;
  meetingStartsAt: string;
  needId: string;
  needTitle: string;
  /** Participants who raised or voted for the need (merged needs included). */
  people: number;
  sectors: string[];
}

@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'challenges_cohort_id_fkey' })
@ForeignKey('users', ['createdBy'], ['id'], { name: 'challenges_created_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('departments', ['departmentId'], ['id'], { name: 'challenges_department_id_fkey' })
@ForeignKey('municipalities', ['municipalityCode'], ['code'], { name: 'challenges_municipality_code_fkey' })
@Check('challenges_check', `((state <> 'approved') OR (cohort_id IS NOT NULL))`)
@Check('challenges_hours_per_week_check', `((hours_per_week >= 1) AND (hours_per_week <= 80))`)
@Check('challenges_problem_statement_check', `(length(problem_statement) <= 20000)`)
@Check('challenges_sdgs_check', `(sdgs <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[])`)
@Check('challenges_seats_check', `(seats >= 1)`)
@Check('challenges_state_check', `state IN ('draft', 'submitted', 'approved', 'changes_requested', 'rejected', 'matched', 'in_test', 'completed', 'withdrawn')`)
@Check('challenges_title_check', `((length(title) >= 1) AND (length(title) <= 200))`)
@Index('challenges_cohort_idx', ['cohortId', 'state'])
@Index('challenges_created_idx', ['createdAt', 'id'])
@Index('challenges_department_idx', ['departmentId', 'createdAt', 'id'])
@Index('challenges_review_queue_idx', ['submittedAt', 'id'], { where: `(state = 'submitted')` })
@Index('challenges_sdgs_idx', ['sdgs'], { type: 'gin' })
@Index('challenges_search_idx', ['searchVector'], { type: 'gin' })
@Index('challenges_tags_idx', ['themes', 'competences'], { type: 'gin' })
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

  /** Set when drafted from a dialogue meeting's need; never changed after. */
  @Column({ type: 'jsonb', nullable: true })
  origin: ChallengeOrigin | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  /** Full-text search over the title and the texts, in Swedish and English; PostgreSQL writes it, only SQL reads it. */
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression:
      "setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || " +
      "setweight(to_tsvector('swedish'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B') || " +
      "setweight(to_tsvector('english'::regconfig, coalesce(problem_statement, '') || ' ' || coalesce(desired_outcome, '')), 'B')",
  })
  searchVector?: string;
}

/** What was submitted, frozen: revisions are never changed (PostgreSQL refuses it). */
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'challenge_revisions_challenge_id_fkey' })
@ForeignKey('users', ['submittedBy'], ['id'], { name: 'challenge_revisions_submitted_by_fkey', onDelete: 'SET NULL' })
@Check('challenge_revisions_number_check', `(number >= 1)`)
@Unique('challenge_revisions_challenge_id_number_key', ['challengeId', 'number'])
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
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'challenge_reviews_challenge_id_fkey' })
@ForeignKey('challenge_revisions', ['challengeId', 'revisionNumber'], ['challengeId', 'number'], { name: 'challenge_reviews_challenge_id_revision_number_fkey' })
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'challenge_reviews_cohort_id_fkey' })
@ForeignKey('users', ['reviewedBy'], ['id'], { name: 'challenge_reviews_reviewed_by_fkey', onDelete: 'SET NULL' })
@Check('challenge_reviews_check', `((decision = 'approve') OR (comment IS NOT NULL))`)
@Check('challenge_reviews_decision_check', `decision IN ('approve', 'request_changes', 'reject')`)
@Unique('challenge_reviews_challenge_id_revision_number_key', ['challengeId', 'revisionNumber'])
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
