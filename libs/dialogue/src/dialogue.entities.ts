import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Who is invited to a dialogue meeting, and which of them a participant speaks for. */
export const SECTORS = ['public', 'private', 'civil_society', 'academia'] as const;
export type Sector = (typeof SECTORS)[number];

/** confirmed: has a seat; waitlisted: waits for one, in sign-up order; cancelled: gave it up. */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** A meeting where people of several sectors identify needs together, before any challenge exists. */
@ForeignKey('users', ['createdBy'], ['id'], { name: 'dialogue_meetings_created_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('departments', ['departmentId'], ['id'], { name: 'dialogue_meetings_department_id_fkey' })
@Check('dialogue_meetings_seats_check', `(seats >= 1)`)
@Check('dialogue_meetings_sectors_check', `(sectors <@ ARRAY['public'::text, 'private'::text, 'civil_society'::text, 'academia'::text])`)
@Check('dialogue_meetings_theme_check', `((length(theme) >= 1) AND (length(theme) <= 200))`)
@Check('dialogue_meetings_where_check', `((place IS NOT NULL) OR (link IS NOT NULL))`)
@Check('dialogue_meetings_votes_check', `((votes_per_participant >= 1) AND (votes_per_participant <= 20))`)
@Index('dialogue_meetings_starts_idx', ['startsAt', 'id'])
@Entity('dialogue_meetings')
export class DialogueMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  theme: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endsAt: Date | null;

  /** Where people meet, or the link to the call; at least one of the two. */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'text', array: true })
  sectors: Sector[];

  /** Who leads the conversation (a name: often someone from outside). */
  @Column({ type: 'text' })
  facilitator: string;

  @Column({ type: 'smallint' })
  seats: number;

  /** How many votes each participant spreads over the needs. */
  @Column({ type: 'smallint', default: 5 })
  votesPerParticipant: number;

  /** While open, participants add needs and vote. */
  @Column({ type: 'boolean', default: true })
  needsOpen: boolean;

  /** The department arranging it, if one does: its members arrange it too. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** Someone who signed up with the public form: no account, a personal token for their link. */
@ForeignKey('dialogue_meetings', ['meetingId'], ['id'], { name: 'dialogue_signups_meeting_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('consent_purposes', ['consentPurpose'], ['key'], { name: 'dialogue_signups_consent_purpose_fkey' })
@Check('dialogue_signups_sector_check', `sector IN ('public', 'private', 'civil_society', 'academia')`)
@Check('dialogue_signups_status_check', `status IN ('confirmed', 'waitlisted', 'cancelled')`)
@Index('dialogue_signups_email_idx', ['email'])
@Index('dialogue_signups_live_key', ['meetingId', 'email'], { unique: true, where: `(status <> 'cancelled'::text)` })
@Index('dialogue_signups_meeting_idx', ['meetingId', 'createdAt', 'id'])
@Index('dialogue_signups_token_hash_key', ['tokenHash'], { unique: true })
@Entity('dialogue_signups')
export class DialogueSignup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'citext' })
  email: string;

  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'text' })
  status: SignupStatus;

  /** SHA-256 of the personal token in the sign-up's link; the token itself is never stored. */
  @Column({ type: 'text', select: false })
  tokenHash: string;

  /** The purpose and the version of its wording the person agreed to, and when. */
  @Column({ type: 'text' })
  consentPurpose: string;

  @Column({ type: 'integer' })
  consentTextVersion: number;

  @Column({ type: 'timestamptz', precision: 3 })
  consentedAt: Date;

  /** Recorded by the arranger: null until then. */
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** A need raised at a meeting; merged into another, it points to the one that stays. */
@ForeignKey('dialogue_meetings', ['meetingId'], ['id'], { name: 'dialogue_needs_meeting_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('departments', ['departmentId'], ['id'], { name: 'dialogue_needs_department_id_fkey' })
@ForeignKey('dialogue_signups', ['addedBySignupId'], ['id'], { name: 'dialogue_needs_added_by_signup_id_fkey', onDelete: 'SET NULL' })
@ForeignKey('users', ['createdBy'], ['id'], { name: 'dialogue_needs_created_by_fkey', onDelete: 'SET NULL' })
@ForeignKey('dialogue_needs', ['mergedIntoId'], ['id'], { name: 'dialogue_needs_merged_into_id_fkey' })
@ForeignKey('challenges', ['challengeId'], ['id'], { name: 'dialogue_needs_challenge_id_fkey' })
@Check('dialogue_needs_sdgs_check', `(sdgs <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[])`)
@Check('dialogue_needs_title_check', `((length(title) >= 1) AND (length(title) <= 200))`)
@Index('dialogue_needs_challenge_key', ['challengeId'], { unique: true, where: `(challenge_id IS NOT NULL)` })
@Index('dialogue_needs_meeting_idx', ['meetingId', 'createdAt', 'id'])
@Index('dialogue_needs_merged_into_idx', ['mergedIntoId'], { where: `(merged_into_id IS NOT NULL)` })
@Entity('dialogue_needs')
export class DialogueNeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  /** What the need is, in a line. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Whose need it is. */
  @Column({ type: 'text', nullable: true })
  targetGroup: string | null;

  /** What is known about it. */
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /** The department that owns the area. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** The participant who raised it, or null when an arranger recorded it (then `createdBy`). */
  @Column({ type: 'uuid', nullable: true })
  addedBySignupId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /** The challenge draft a department made of it. */
  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A participant's votes on one need. */
@ForeignKey('dialogue_needs', ['needId'], ['id'], { name: 'dialogue_need_votes_need_id_fkey', onDelete: 'CASCADE' })
@ForeignKey('dialogue_signups', ['signupId'], ['id'], { name: 'dialogue_need_votes_signup_id_fkey', onDelete: 'CASCADE' })
@Check('dialogue_need_votes_votes_check', `(votes >= 1)`)
@Index('dialogue_need_votes_signup_idx', ['signupId'])
@Entity('dialogue_need_votes')
export class DialogueNeedVote {
  @PrimaryColumn({ type: 'uuid' })
  needId: string;

  @PrimaryColumn({ type: 'uuid' })
  signupId: string;

  @Column({ type: 'smallint' })
  votes: number;
}

export const dialogueEntities = [DialogueMeeting, DialogueSignup, DialogueNeed, DialogueNeedVote];
