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
@Unique('method_cards_slug_key', ['slug'])
@Unique('method_cards_origin_url_key', ['originUrl'])
@ForeignKey('method_card_versions', ['adaptedFromCardId', 'adaptedFromVersion'], ['cardId', 'version'], { name: 'method_cards_adapted_from_fkey', onDelete: 'SET NULL' })
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

  /** Its public address, fixed when a version is first published (from that version's title). */
  @Column({ type: 'text', nullable: true })
  slug: string | null;

  /** An imported card: its public address at the installation it came from. Never edited here. */
  @Column({ type: 'text', nullable: true })
  originUrl: string | null;

  /** The installation an imported card came from, as its citation names it. */
  @Column({ type: 'text', nullable: true })
  originInstallation: string | null;

  /** A local adaptation: the card version (often an imported one) it was adapted from. */
  @Column({ type: 'uuid', nullable: true })
  adaptedFromCardId: string | null;

  @Column({ type: 'integer', nullable: true })
  adaptedFromVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One version of a card's content, never changed once written. */
@ForeignKey('method_cards', ['cardId'], ['id'], { name: 'method_card_versions_card_id_fkey', onDelete: 'CASCADE' })
@Check('method_card_versions_learnings_check', `((jsonb_typeof(learnings) = 'array') AND ((jsonb_array_length(learnings) >= 1) OR (imported_from IS NOT NULL)))`)
@Check('method_card_versions_imported_check', `(((imported_from IS NULL) = (licence IS NULL)) AND ((imported_from IS NULL) = (citation IS NULL)))`)
@Unique('method_card_versions_imported_from_key', ['importedFrom'])
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

  /** An imported version: its public address where it was published; importing it again finds it. */
  @Column({ type: 'text', nullable: true })
  importedFrom: string | null;

  /** An imported version's licence and citation, as published; null for the installation's own. */
  @Column({ type: 'text', nullable: true })
  licence: string | null;

  @Column({ type: 'text', nullable: true })
  citation: string | null;

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

export const LICENCES = ['CC-BY-4.0', 'CC0-1.0'] as const;
export type Licence = (typeof LICENCES)[number];

/**
 * A card version published as open data. The facets are taken from the card's learnings when it
 * is published, so that public reading never reaches into tracks or people. Unpublishing keeps
 * the row: its address answers 410 with the citation.
 */
@ForeignKey('method_card_versions', ['cardId', 'version'], ['cardId', 'version'], { name: 'method_card_publications_card_id_version_fkey', onDelete: 'CASCADE' })
@Check('method_card_publications_licence_check', `(licence = ANY (ARRAY['CC-BY-4.0'::text, 'CC0-1.0'::text]))`)
@Index('method_card_publications_published_idx', ['publishedAt', 'cardId'])
@Index('method_card_publications_sdgs_idx', ['sdgs'], { type: 'gin' })
@Index('method_card_publications_tags_idx', ['tags'], { type: 'gin' })
@Entity('method_card_publications')
export class MethodCardPublication {
  @PrimaryColumn({ type: 'uuid' })
  cardId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  licence: Licence;

  @Column({ type: 'text' })
  citation: string;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  municipalityCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countyCodes: string[];

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  unpublishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  unpublishedBy: string | null;

  /** The version's content and its card, when a query maps them in. */
  content?: MethodCardVersion;
  card?: MethodCard;
}

/** A host an admin allowed method cards to be imported from. */
@Check('open_import_hosts_host_check', `((host = lower(host)) AND (host <> ''::text))`)
@Entity('open_import_hosts')
export class OpenImportHost {
  @PrimaryColumn({ type: 'text' })
  host: string;

  @Column({ type: 'uuid', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export const methodCardEntities = [MethodCard, MethodCardVersion, MethodCardUse, MethodCardPublication, OpenImportHost];
