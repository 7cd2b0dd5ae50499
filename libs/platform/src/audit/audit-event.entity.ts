import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditText } from './audit-text.entity.js';

/**
 * One change of state: who, when, what, from, to. Append-only (enforced by PostgreSQL). Why, in
 * someone's words, is an {@link AuditText} beside it, which erasure can delete.
 */
@Index('audit_events_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'occurredAt'])
@Index('audit_events_time_idx', ['occurredAt', 'id'])
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  fromState: string | null;

  @Column({ type: 'text', nullable: true })
  toState: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  /** Its words, when read with them; none once erasure has deleted them. */
  text?: AuditText | null;
}
