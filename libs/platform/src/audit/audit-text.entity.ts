import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The words of one audit event, kept apart from it: erasing their author, or the person they are
 * about, deletes them while the event stays. PostgreSQL refuses to rewrite them.
 */
@Entity('audit_texts')
export class AuditText {
  @PrimaryColumn('uuid')
  eventId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  reason: string;
}
