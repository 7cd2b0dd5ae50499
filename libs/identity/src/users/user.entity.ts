import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '../access/roles.js';

export const USER_STATUSES = ['active', 'deactivated', 'erased'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

@Check('users_preferred_language_check', `preferred_language IN ('sv', 'en')`)
@Check('users_status_check', `status IN ('active', 'deactivated', 'erased')`)
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'citext', unique: true })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'sv' })
  preferredLanguage: Language;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  /** Null until the person proves the address is theirs; such an account cannot log in. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  emailConfirmedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
