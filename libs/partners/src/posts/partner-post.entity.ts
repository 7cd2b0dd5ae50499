import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Whether a post looks for something or offers it; suggestions pair the one with the other. */
export const POST_DIRECTIONS = ['look_for', 'offer'] as const;
export type PostDirection = (typeof POST_DIRECTIONS)[number];

export const POST_KINDS = ['competence', 'test_environment', 'premises', 'funding', 'challenge_partner'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Open until its author withdraws it; hiding is a moderation mark beside the state, not a state. */
export const POST_STATES = ['open', 'withdrawn'] as const;
export type PostState = (typeof POST_STATES)[number];

/** Someone's "I am interested", and the poster's answer. */
export const INTEREST_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestState = (typeof INTEREST_STATES)[number];

/** What someone looks for or offers on the partner board. */
@ForeignKey('users', ['authorId'], ['id'], { name: 'partner_posts_author_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'partner_posts_challenge_id_fkey', onDelete: 'SET NULL' })
@ForeignKey('municipalities', ['municipalityCode'], ['code'], { name: 'partner_posts_municipality_code_fkey' })
@Check('partner_posts_direction_check', `direction IN ('look_for', 'offer')`)
@Check('partner_posts_kind_check', `kind IN ('competence', 'test_environment', 'premises', 'funding', 'challenge_partner')`)
@Check('partner_posts_state_check', `state IN ('open', 'withdrawn')`)
@Check('partner_posts_hidden_check', `((hidden_at IS NULL) OR (hidden_reason IS NOT NULL))`)
@Index('partner_posts_created_idx', ['createdAt', 'id'])
@Index('partner_posts_author_idx', ['authorId'])
@Index('partner_posts_tags_idx', ['tags'], { type: 'gin' })
@Entity('partner_posts')
export class PartnerPost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  direction: PostDirection;

  @Column({ type: 'text' })
  kind: PostKind;

  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** Normalised (lower case, trimmed), each once. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'char', length: 4, nullable: true })
  municipalityCode: string | null;

  /** The last day the post is listed. */
  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'text', default: 'open' })
  state: PostState;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  hiddenAt: Date | null;

  /** The admin's reason, shown to the author. */
  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * One person's interest in a post. Showing interest is that person's agreement to share their
 * address with the poster; accepting is the poster's. Both addresses are shown only once accepted.
 */
@ForeignKey('partner_posts', ['postId'], ['id'], { name: 'partner_interests_post_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('users', ['userId'], ['id'], { name: 'partner_interests_user_id_fkey', onDelete: 'CASCADE' })
@Check('partner_interests_state_check', `state IN ('pending', 'accepted', 'declined', 'withdrawn')`)
@Unique('partner_interests_post_id_user_id_key', ['postId', 'userId'])
@Index('partner_interests_user_idx', ['userId'])
@Entity('partner_interests')
export class PartnerInterest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text', default: 'pending' })
  state: InterestState;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export const partnersEntities = [PartnerPost, PartnerInterest];
