import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// What is recorded on a track besides its stage: each row belongs to one track and names its author.

export const LEARNING_KINDS = ['insight', 'obstacle', 'enabler', 'method'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

@Entity('track_milestones')
export class TrackMilestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'text' })
  title: string;

  /** ISO date (YYYY-MM-DD), as PostgreSQL `date`. */
  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  doneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('track_test_sessions')
export class TrackTestSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'uuid' })
  testEnvironmentId: string;

  @Column({ type: 'integer' })
  usersInvolved: number;

  @Column({ type: 'text' })
  whatWasTried: string;

  @Column({ type: 'text' })
  whatWasObserved: string;

  @Column({ type: 'boolean' })
  consentObtained: boolean;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@Entity('track_learnings')
export class TrackLearning {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'text' })
  kind: LearningKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

@Entity('track_notes')
export class TrackNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** How things went after graduation: only a graduated track takes follow-ups. */
@Entity('track_follow_ups')
export class TrackFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'date' })
  followedUpOn: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
