import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';

export type PreferenceSide = 'participant' | 'challenge';

/** One ranking: a participant's challenges, or a department's participants for one challenge. */
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'preferences_cohort_id_fkey', onDelete: 'CASCADE' })
@Check('preferences_side_check', `side IN ('participant', 'challenge')`)
@Unique('preferences_cohort_id_side_owner_id_key', ['cohortId', 'side', 'ownerId'])
@Entity('preferences')
export class Preference {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'text' })
  side: PreferenceSide;

  /** The participant's user id, or the challenge id. */
  @Column({ type: 'uuid' })
  ownerId: string;

  /** Most wanted first. */
  @Column({ type: 'uuid', array: true })
  rankedIds: string[];

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
