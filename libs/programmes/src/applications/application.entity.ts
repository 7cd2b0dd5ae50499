import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApplicationState } from './application-lifecycle.js';

/** An answer: text for text questions, a number, or the chosen option(s). */
export type Answer = string | number | string[];

@ForeignKey('users', ['applicantId'], ['id'], { name: 'applications_applicant_id_fkey' })
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'applications_cohort_id_fkey' })
@Check('applications_state_check', `state IN ('draft', 'submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn')`)
@Unique('applications_cohort_id_applicant_id_key', ['cohortId', 'applicantId'])
@Index('applications_applicant_idx', ['applicantId'])
@Index('applications_cohort_state_idx', ['cohortId', 'state', 'createdAt', 'id'])
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  @Column({ type: 'text', default: 'draft' })
  state: ApplicationState;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, Answer>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
