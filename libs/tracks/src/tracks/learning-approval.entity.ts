import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * A manager's approval of one learning's text for publication as open data. It keeps the
 * SHA-256 digest of the text it approved, not a copy: an edited (or erased) text no longer
 * matches, so the approval lapses by itself.
 */
@ForeignKey('track_learnings', ['learningId'], ['id'], { name: 'track_learning_approvals_learning_id_fkey', onDelete: 'CASCADE' })
@Entity('track_learning_approvals')
export class TrackLearningApproval {
  @PrimaryColumn({ type: 'uuid' })
  learningId: string;

  @Column({ type: 'text' })
  textDigest: string;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  /** Set anew when a lapsed approval is given again. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  approvedAt: Date;
}
