import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// What is recorded on a track besides its stage: each row belongs to one track and names its author.

export const LEARNING_KINDS = ['insight', 'obstacle', 'enabler', 'method'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_milestones_track_id_fkey', onDelete: 'CASCADE' })
@Index('track_milestones_track_idx', ['trackId', 'dueOn', 'id'])
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

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ForeignKey('test_environments', ['testEnvironmentId'], ['id'], { name: 'track_test_sessions_test_environment_id_fkey' })
@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_test_sessions_track_id_fkey', onDelete: 'CASCADE' })
@Check('track_test_sessions_users_involved_check', `(users_involved >= 0)`)
@Index('track_test_sessions_track_idx', ['trackId', 'heldOn', 'id'])
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

@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_learnings_track_id_fkey', onDelete: 'CASCADE' })
@Check('track_learnings_kind_check', `kind IN ('insight', 'obstacle', 'enabler', 'method')`)
@Index('track_learnings_tags_idx', ['tags'], { type: 'gin' })
@Index('track_learnings_track_idx', ['trackId', 'createdAt', 'id'])
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

@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_notes_track_id_fkey', onDelete: 'CASCADE' })
@Index('track_notes_track_idx', ['trackId', 'createdAt', 'id'])
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
@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_follow_ups_track_id_fkey', onDelete: 'CASCADE' })
@Index('track_follow_ups_track_idx', ['trackId', 'createdAt', 'id'])
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
