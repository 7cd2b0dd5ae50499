import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A declared conflict of interest between a participant and a challenge: never proposed. */
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'matching_conflicts_challenge_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'matching_conflicts_cohort_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['participantId'], ['id'], { name: 'matching_conflicts_participant_id_fkey', onDelete: 'CASCADE' })
@Unique('matching_conflicts_participant_id_challenge_id_key', ['participantId', 'challengeId'])
@Entity('matching_conflicts')
export class MatchingConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  declaredBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
