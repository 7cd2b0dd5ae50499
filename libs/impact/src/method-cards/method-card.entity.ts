import type { LearningKind } from '@samverka/tracks';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A learning as the card quotes it. */
export interface LinkedLearning {
  learningId: string;
  kind: LearningKind;
  excerpt: string;
  /** Kept only so an erasure can reach the quoted words; never shown. */
  authorId: string | null;
}

/** A method the programme distilled from its tracks' learnings; its content is in its versions. */
@Check('method_cards_version_check', `(version >= 1)`)
@Entity('method_cards')
export class MethodCard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * The current version's number, also the card's If-Match version. Set explicitly (not a
   * VersionColumn): each edit writes a version row of that number in the same transaction.
   */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One version of a card's content, never changed once written. */
@ForeignKey('method_cards', ['cardId'], ['id'], { name: 'method_card_versions_card_id_fkey', onDelete: 'CASCADE' })
@Check('method_card_versions_learnings_check', `((jsonb_typeof(learnings) = 'array') AND (jsonb_array_length(learnings) >= 1))`)
@Check('method_card_versions_steps_check', `(cardinality(steps) >= 1)`)
@Check('method_card_versions_version_check', `(version >= 1)`)
@Index('method_card_versions_created_idx', ['createdAt', 'cardId'])
// Indexed with the jsonb_path_ops operator class, which TypeORM cannot express: the migration's, left alone.
@Index('method_card_versions_learnings_idx', { synchronize: false })
@Index('method_card_versions_search_idx', ['searchVector'], { type: 'gin' })
@Entity('method_card_versions')
export class MethodCardVersion {
  @PrimaryColumn({ type: 'uuid' })
  cardId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  whenToUse: string;

  /** In the order they are taken. */
  @Column({ type: 'text', array: true })
  steps: string[];

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'jsonb' })
  learnings: LinkedLearning[];

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** Full-text search over title and when to use it, in Swedish and English; PostgreSQL writes it, only SQL reads it. */
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('swedish'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('swedish'::regconfig, when_to_use), 'B') || setweight(to_tsvector('english'::regconfig, when_to_use), 'B')`,
  })
  searchVector?: string;
}

/** A track recording that it used one version of a card. */
@ForeignKey('method_card_versions', ['cardId', 'version'], ['cardId', 'version'], { name: 'method_card_uses_card_id_version_fkey', onDelete: 'CASCADE' })
@ForeignKey('tracks', ['trackId'], ['id'], { name: 'method_card_uses_track_id_fkey', onDelete: 'CASCADE' })
@Unique('method_card_uses_track_id_card_id_version_key', ['trackId', 'cardId', 'version'])
@Index('method_card_uses_card_idx', ['cardId', 'trackId'])
@Index('method_card_uses_track_idx', ['trackId', 'createdAt', 'id'])
@Entity('method_card_uses')
export class MethodCardUse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  trackId: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @Column({ type: 'integer' })
  version: number;

  /** The version used; loaded only when a query joins it. The foreign key is the migration's. */
  @ManyToOne(() => MethodCardVersion, { createForeignKeyConstraints: false })
  @JoinColumn([
    { name: 'card_id', referencedColumnName: 'cardId' },
    { name: 'version', referencedColumnName: 'version' },
  ])
  used?: MethodCardVersion;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export const methodCardEntities = [MethodCard, MethodCardVersion, MethodCardUse];
