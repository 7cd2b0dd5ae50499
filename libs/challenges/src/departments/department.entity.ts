import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A city department that brings challenges and keeps test environments. */
@ForeignKey('municipalities', ['municipalityCode'], ['code'], { name: 'departments_municipality_code_fkey' })
@Unique('departments_organisation_name_key', ['organisation', 'name'])
@Index('departments_created_idx', ['createdAt', 'id'])
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

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A department member belongs to one or more departments and sees only those. */
@ForeignKey('users', ['addedBy'], ['id'], { name: 'department_members_added_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('departments', ['departmentId'], ['id'], { name: 'department_members_department_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['userId'], ['id'], { name: 'department_members_user_id_fkey', onDelete: 'CASCADE' })
@Index('department_members_user_idx', ['userId'])
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
