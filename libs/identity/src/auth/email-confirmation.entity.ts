import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The pending confirmation link of an account: only its hash is kept. */
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
