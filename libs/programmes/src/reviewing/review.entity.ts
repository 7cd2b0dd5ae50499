import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A reviewer's duty to score one application. Without it the reviewer does not see the application. */
@ForeignKey('applications', ['applicationId'], ['id'], { name: 'review_assignments_application_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['assignedBy'], ['id'], { name: 'review_assignments_assigned_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('users', ['reviewerId'], ['id'], { name: 'review_assignments_reviewer_id_fkey', onDelete: 'CASCADE' })
@Unique('review_assignments_application_id_reviewer_id_key', ['applicationId', 'reviewerId'])
@Index('review_assignments_reviewer_idx', ['reviewerId'])
@Entity('review_assignments')
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'uuid', nullable: true })
  assignedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One reviewer's scores (criterion key → 1..5) for one application. */
@ForeignKey('applications', ['applicationId'], ['id'], { name: 'reviews_application_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['reviewerId'], ['id'], { name: 'reviews_reviewer_id_fkey', onDelete: 'CASCADE' })
@Unique('reviews_application_id_reviewer_id_key', ['applicationId', 'reviewerId'])
@Index('reviews_reviewer_idx', ['reviewerId'])
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ type: 'text', default: '' })
  comment: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export const CONFLICT_SCOPES = ['application', 'applicant'] as const;
export type ConflictScope = (typeof CONFLICT_SCOPES)[number];

/**
 * A declared conflict of interest: with one application, or with the applicant (then it
 * holds for every application of that person).
 */
@ForeignKey('users', ['applicantId'], ['id'], { name: 'review_conflicts_applicant_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('applications', ['applicationId'], ['id'], { name: 'review_conflicts_application_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['reviewerId'], ['id'], { name: 'review_conflicts_reviewer_id_fkey', onDelete: 'CASCADE' })
@Check('review_conflicts_scope_check', `scope IN ('application', 'applicant')`)
@Index('review_conflicts_reviewer_idx', ['reviewerId', 'applicantId'])
@Entity('review_conflicts')
export class ReviewConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'text' })
  scope: ConflictScope;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
