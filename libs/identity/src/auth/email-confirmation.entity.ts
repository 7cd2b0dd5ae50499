import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The pending confirmation link of an account: only its hash is kept. */
@ForeignKey('users', ['userId'], ['id'], { name: 'email_confirmations_user_id_fkey', onDelete: 'CASCADE' })
@Entity('email_confirmations')
export class EmailConfirmation {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
