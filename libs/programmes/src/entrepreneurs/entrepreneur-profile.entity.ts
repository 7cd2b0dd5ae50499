import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ENTREPRENEUR_KINDS = ['social_entrepreneur', 'researcher', 'student', 'other'] as const;
export type EntrepreneurKind = (typeof ENTREPRENEUR_KINDS)[number];

/** What an entrepreneur tells about themselves; one per user, keyed by the user id. */
@ForeignKey('municipalities', ['municipalityCode'], ['code'], { name: 'entrepreneur_profiles_municipality_code_fkey' })
@ForeignKey('users', ['userId'], ['id'], { name: 'entrepreneur_profiles_user_id_fkey', onDelete: 'CASCADE' })
@Check('entrepreneur_profiles_hours_per_week_check', `((hours_per_week >= 0) AND (hours_per_week <= 168))`)
@Check('entrepreneur_profiles_kind_check', `kind IN ('social_entrepreneur', 'researcher', 'student', 'other')`)
@Entity('entrepreneur_profiles')
export class EntrepreneurProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: EntrepreneurKind;

  @Column({ type: 'text', default: '' })
  organisation: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  competences: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'char', length: 4, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'integer', nullable: true })
  hoursPerWeek: number | null;

  @Column({ type: 'text', default: '' })
  pitch: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
