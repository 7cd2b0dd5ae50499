import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Check('consent_purposes_key_check', `(key ~ '^[a-z][a-z0-9_]*$')`)
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

  /** False for a purpose answered on a public form (a dialogue meeting's sign-up), not in an account. */
  @Column({ type: 'boolean', default: true })
  forAccounts: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@ForeignKey('consent_purposes', ['purpose'], ['key'], { name: 'consent_records_purpose_fkey' })
@ForeignKey('users', ['userId'], ['id'], { name: 'consent_records_user_id_fkey', onDelete: 'CASCADE' })
@Index('consent_records_user_idx', ['userId', 'purpose', 'recordedAt'])
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
