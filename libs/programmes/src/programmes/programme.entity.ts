import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GraduationCriterion, Question, RubricCriterion } from '../content/cohort-content.js';

/** An accelerator programme: the defaults its cohorts start from. */
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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A programme manager's assignment to a programme: the scope of everything they see. */
@Entity('programme_managers')
export class ProgrammeManager {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
