import type { Bilingual } from '@samverka/matching';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type MatchState = 'proposed' | 'confirmed' | 'declined' | 'expired';
export type MatchResponse = 'accept' | 'decline';
export const MATCH_RESPONSES: readonly MatchResponse[] = ['accept', 'decline'];
/** Matches that hold a participant and a seat. */
export const LIVE_MATCH_STATES: readonly MatchState[] = ['proposed', 'confirmed'];

/** A published pair: the participant and the challenge's department each accept or decline. */
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'matches_challenge_id_fkey' })
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'matches_cohort_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['participantId'], ['id'], { name: 'matches_participant_id_fkey' })
@ForeignKey('matching_runs', ['runId'], ['id'], { name: 'matches_run_id_fkey' })
@Check('matches_department_response_check', `department_response IN ('accept', 'decline')`)
@Check('matches_participant_response_check', `participant_response IN ('accept', 'decline')`)
@Check('matches_state_check', `state IN ('proposed', 'confirmed', 'declined', 'expired')`)
@Index('matches_challenge_idx', ['challengeId', 'state'])
@Index('matches_cohort_idx', ['cohortId', 'createdAt', 'id'])
@Index('matches_one_live_per_participant', ['cohortId', 'participantId'], { unique: true, where: `state IN ('proposed', 'confirmed')` })
@Entity('matches')
export class Match {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  runId: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  reason: Bilingual;

  @Column({ type: 'text', default: 'proposed' })
  state: MatchState;

  @Column({ type: 'text', nullable: true })
  participantResponse: MatchResponse | null;

  @Column({ type: 'text', nullable: true })
  participantNote: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  participantRespondedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  departmentResponse: MatchResponse | null;

  @Column({ type: 'text', nullable: true })
  departmentNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentResponderId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  departmentRespondedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  respondBy: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
