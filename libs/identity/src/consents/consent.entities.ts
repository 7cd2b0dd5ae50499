import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('consent_purposes')
export class ConsentPurpose {
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Goes up when the text changes, so a consent says which wording it answered. */
  @Column({ type: 'integer', default: 1 })
  textVersion: number;

  @Column({ type: 'text' })
  titleSv: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  textSv: string;

  @Column({ type: 'text' })
  textEn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('consent_records')
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'integer' })
  textVersion: number;

  @Column({ type: 'boolean' })
  given: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  recordedAt: Date;
}
