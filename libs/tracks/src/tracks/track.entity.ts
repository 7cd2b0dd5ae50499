import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GraduationOutcome, TrackStage } from './track-stages.js';

export { TRACK_STAGES, type TrackStage } from './track-stages.js';

/** How the participant means to try the solution: the gate into the test environment. */
export interface TestPlan {
  testEnvironmentId: string;
  startsOn: string;
  endsOn: string | null;
  users: number;
  whatWillBeTried: string;
  consentArrangements: string;
}

/** One confirmed match on its way through the needs-driven learning process. */
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'tracks_challenge_id_fkey' })
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'tracks_cohort_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('matches', ['matchId'], ['id'], { name: 'tracks_match_id_fkey' })
@ForeignKey('users', ['participantId'], ['id'], { name: 'tracks_participant_id_fkey' })
@Check('tracks_discontinuation_explained', `((stage <> 'discontinued') OR (discontinued_reason IS NOT NULL))`)
@Check('tracks_graduation_recorded', `((stage <> 'graduated') OR ((graduated_on IS NOT NULL) AND (outcome IS NOT NULL) AND (outcome_summary IS NOT NULL)))`)
@Check('tracks_outcome_check', `outcome IN ('adopted_by_department', 'continued_as_venture', 'procured', 'stopped_with_lessons', 'other')`)
@Check('tracks_stage_check', `stage IN ('matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued')`)
@Index('tracks_challenge_idx', ['challengeId', 'stage'])
@Index('tracks_cohort_idx', ['cohortId', 'createdAt', 'id'])
@Index('tracks_department_idx', ['departmentId'])
@Index('tracks_participant_idx', ['participantId'])
@Index('tracks_stage_idx', ['stage', 'createdAt', 'id'])
@Entity('tracks')
export class Track {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  matchId: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'text', default: 'matched' })
  stage: TrackStage;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  stageEnteredAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  testPlan: TestPlan | null;

  /** Keys of the cohort's graduation criteria a manager has ticked for this track. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  criteriaMet: string[];

  /** ISO date (YYYY-MM-DD) of graduation, as PostgreSQL `date`; set with the move to `graduated`. */
  @Column({ type: 'date', nullable: true })
  graduatedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: GraduationOutcome | null;

  @Column({ type: 'text', nullable: true })
  outcomeSummary: string | null;

  @Column({ type: 'text', nullable: true })
  discontinuedReason: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** Each stage a track entered, with when, who and why. */
@ForeignKey('tracks', ['trackId'], ['id'], { name: 'track_stage_history_track_id_fkey', onDelete: 'CASCADE' })
@Index('track_stage_history_track_idx', ['trackId', 'enteredAt'])
@Entity('track_stage_history')
export class TrackStageEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'text', nullable: true })
  fromStage: TrackStage | null;

  @Column({ type: 'text' })
  toStage: TrackStage;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  enteredAt: Date;
}
