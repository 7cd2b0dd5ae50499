import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface Bilingual {
  sv: string;
  en: string;
}

/**
 * What a person is told: rendered in both languages when it happens, shown in theirs. The title
 * says what happened in Samverka's words; anything a person wrote goes in the body; `data` holds
 * ids and codes only.
 */
export interface OutboxPayload {
  title: Bilingual;
  body: Bilingual;
  data: Record<string, unknown>;
}

@ForeignKey('users', ['recipientId'], ['id'], { name: 'outbox_messages_recipient_id_fkey', onDelete: 'CASCADE' })
@Check('outbox_messages_check', `((recipient_id IS NOT NULL) OR (recipient_email IS NOT NULL))`)
@Index('outbox_messages_author_idx', ['authorId'], { where: `(author_id IS NOT NULL)` })
@Index('outbox_messages_pending_idx', ['createdAt'], { where: `(delivered_at IS NULL)` })
@Index('outbox_messages_subject_idx', ['subjectId'], { where: `(subject_id IS NOT NULL)` })
@Entity('outbox_messages')
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  @Column({ type: 'citext', nullable: true })
  recipientEmail: string | null;

  @Column({ type: 'jsonb' })
  payload: OutboxPayload;

  /** Who wrote the words the body may carry (whoever made the change); their erasure blanks it. */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  /** Whom those words are about, when someone else; their erasure blanks it too. */
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'boolean', default: true })
  sendEmail: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  emailSentAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
