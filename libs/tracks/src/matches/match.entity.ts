import type { Bilingual } from '@samverka/matching';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, VirtualColumn } from 'typeorm';

export type MatchState = 'proposed' | 'confirmed' | 'declined' | 'expired';
export type MatchResponse = 'accept' | 'decline';
export const MATCH_RESPONSES: readonly MatchResponse[] = ['accept', 'decline'];
/** Matches that hold a participant and a seat. */
export const LIVE_MATCH_STATES: readonly MatchState[] = ['proposed', 'confirmed'];

/** A published pair: the participant and the challenge's department each accept or decline. */
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

  /** Read with the match, so that a list of matches needs no request per challenge to name them. */
  @VirtualColumn({ type: 'text', query: (alias) => `SELECT c.title FROM challenges c WHERE c.id = ${alias}.challenge_id` })
  challengeTitle: string;

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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
