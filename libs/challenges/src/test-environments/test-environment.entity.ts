import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A place where solutions can be tried with real users, offered by one department. */
@ForeignKey('departments', ['departmentId'], ['id'], { name: 'test_environments_department_id_fkey' })
@ForeignKey('municipalities', ['municipalityCode'], ['code'], { name: 'test_environments_municipality_code_fkey' })
@Check('test_environments_check', `((available_to IS NULL) OR (available_from IS NULL) OR (available_to >= available_from))`)
@Check('test_environments_max_participants_check', `(max_participants >= 1)`)
@Index('test_environments_department_idx', ['departmentId', 'createdAt', 'id'])
@Entity('test_environments')
export class TestEnvironment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'char', length: 4 })
  municipalityCode: string;

  @Column({ type: 'text' })
  contactName: string;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  /** ISO dates (YYYY-MM-DD), as PostgreSQL `date`. */
  @Column({ type: 'date', nullable: true })
  availableFrom: string | null;

  @Column({ type: 'date', nullable: true })
  availableTo: string | null;

  @Column({ type: 'integer', nullable: true })
  maxParticipants: number | null;

  @Column({ type: 'text', nullable: true })
  resources: string | null;

  @Column({ type: 'text', nullable: true })
  consentRules: string | null;

  @Column({ type: 'boolean', default: false })
  writtenConsentRequired: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
