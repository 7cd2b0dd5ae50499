import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * The words of one audit event, kept apart from it: erasing their author, or the person they are
 * about, deletes them while the event stays. PostgreSQL refuses to rewrite them.
 */
@ForeignKey('audit_events', ['eventId'], ['id'], { name: 'audit_texts_event_id_fkey' })
@Index('audit_texts_author_idx', ['authorId'])
@Index('audit_texts_subject_idx', ['subjectId'])
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
