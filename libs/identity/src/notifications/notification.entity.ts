import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** An in-app notification; its id is the outbox message's, so delivering twice stores it once. */
@ForeignKey('users', ['userId'], ['id'], { name: 'notifications_user_id_fkey', onDelete: 'CASCADE' })
@Index('notifications_author_idx', ['authorId'], { where: `(author_id IS NOT NULL)` })
@Index('notifications_subject_idx', ['subjectId'], { where: `(subject_id IS NOT NULL)` })
@Index('notifications_user_idx', ['userId', 'createdAt', 'id'])
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** Copied from the outbox message: whose words the body carries, and whom they are about. */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}
