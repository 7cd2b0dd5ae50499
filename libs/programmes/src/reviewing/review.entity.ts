import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A reviewer's duty to score one application. Without it the reviewer does not see the application. */
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

  @VersionColumn()
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
