import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A city department that brings challenges and keeps test environments. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  organisation: string;

  @Column({ type: 'char', length: 4 })
  municipalityCode: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A department member belongs to one or more departments and sees only those. */
@Entity('department_members')
export class DepartmentMembership {
  @PrimaryColumn({ type: 'uuid' })
  departmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  addedAt: Date;
}
