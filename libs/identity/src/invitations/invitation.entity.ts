import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/roles.js';

/** Where an invited person's role applies, e.g. the department or cohort they join. */
export interface InvitationScope {
  departmentId?: string;
  programmeId?: string;
  cohortId?: string;
}

@ForeignKey('users', ['acceptedBy'], ['id'], { name: 'invitations_accepted_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('users', ['revokedBy'], ['id'], { name: 'invitations_revoked_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('users', ['invitedBy'], ['id'], { name: 'invitations_invited_by_fkey', onDelete: 'SET NULL' })
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'citext' })
  email: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scope: InvitationScope;

  @Column({ type: 'text', unique: true, select: false })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy: string | null;

  /** Taken back before it was used: the token no longer works. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
