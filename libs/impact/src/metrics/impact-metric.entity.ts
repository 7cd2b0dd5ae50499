import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MetricAggregation, MetricDirection } from './metric-rules.js';

/** What a programme measures its impact by; measurements of its tracks refer to it. */
@ForeignKey('programmes', ['programmeId'], ['id'], { name: 'impact_metrics_programme_id_fkey', onDelete: 'CASCADE' })
@Check('impact_metrics_aggregation_check', `aggregation IN ('sum', 'average')`)
@Check('impact_metrics_direction_check', `direction IN ('higher_is_better', 'lower_is_better')`)
@Check('impact_metrics_sdgs_check', `(sdgs <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[])`)
@Unique('impact_metrics_programme_id_name_key', ['programmeId', 'name'])
@Index('impact_metrics_programme_idx', ['programmeId', 'createdAt', 'id'])
@Entity('impact_metrics')
export class ImpactMetric {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text' })
  direction: MetricDirection;

  @Column({ type: 'text', default: 'sum' })
  aggregation: MetricAggregation;

  @Column({ type: 'double precision', nullable: true })
  baseline: number | null;

  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
