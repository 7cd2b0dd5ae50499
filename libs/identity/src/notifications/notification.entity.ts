import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An in-app notification; its id is the outbox message's, so delivering twice stores it once. */
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
