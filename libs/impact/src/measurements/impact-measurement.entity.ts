import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One value of a metric for a participant (on a track, or before/without one) over a period, with its evidence. */
@ForeignKey('cohorts', ['cohortId'], ['id'], { name: 'impact_measurements_cohort_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('impact_metrics', ['metricId'], ['id'], { name: 'impact_measurements_metric_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['participantId'], ['id'], { name: 'impact_measurements_participant_id_fkey' })
@ForeignKey('tracks', ['trackId'], ['id'], { name: 'impact_measurements_track_id_fkey', onDelete: 'CASCADE' })
@Check('impact_measurements_period', `(period_to >= period_from)`)
@Index('impact_measurements_participant_idx', ['cohortId', 'participantId', 'recordedAt', 'id'])
@Index('impact_measurements_track_idx', ['trackId', 'recordedAt', 'id'])
@Entity('impact_measurements')
export class ImpactMeasurement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  metricId: string;

  @Column({ type: 'uuid' })
  cohortId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'uuid', nullable: true })
  trackId: string | null;

  @Column({ type: 'double precision' })
  value: number;

  /** ISO dates (YYYY-MM-DD), as PostgreSQL `date`. */
  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Column({ type: 'text' })
  evidenceText: string;

  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;

  /** Recorded after the participant graduated. */
  @Column({ type: 'boolean', default: false })
  followUp: boolean;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  recordedAt: Date;
}
