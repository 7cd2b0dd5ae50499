import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GraduationCriterion, Question, RubricCriterion } from '../content/cohort-content.js';

/** An accelerator programme: the defaults its cohorts start from. */
@Index('programmes_created_idx', ['createdAt', 'id'])
@Entity('programmes')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  defaultQuestions: Question[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  defaultRubric: RubricCriterion[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  defaultGraduationCriteria: GraduationCriterion[];

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A programme manager's assignment to a programme: the scope of everything they see. */
@ForeignKey('programmes', ['programmeId'], ['id'], { name: 'programme_managers_programme_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['userId'], ['id'], { name: 'programme_managers_user_id_fkey', onDelete: 'CASCADE' })
@Index('programme_managers_user_idx', ['userId'])
@Entity('programme_managers')
export class ProgrammeManager {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
