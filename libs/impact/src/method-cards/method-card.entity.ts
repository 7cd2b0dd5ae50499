import type { LearningKind } from '@samverka/tracks';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A learning as the card quotes it. */
export interface LinkedLearning {
  learningId: string;
  kind: LearningKind;
  excerpt: string;
  /** Kept only so an erasure can reach the quoted words; never shown. */
  authorId: string | null;
}

/** A method the programme distilled from its tracks' learnings; its content is in its versions. */
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
}

/** A track recording that it used one version of a card. */
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
