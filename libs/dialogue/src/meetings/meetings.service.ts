import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Department, isMemberOf } from '@samverka/challenges';
import { ConsentPurpose } from '@samverka/identity';
import { AccessPolicy, AppConfig, assertVersion, AuditTrail, ConflictError, CurrentActor, isUniqueViolation, NotFoundError, Outbox, paginate, ValidationFailedError, type FieldError, type Page, type PageQueryDto } from '@samverka/platform';
import { DialogueMeetingRecords } from '../access/dialogue-access.js';
import { DialogueMeeting, DialogueSignup, type Sector, type SignupStatus } from '../dialogue.entities.js';
import { hashParticipationToken, newParticipationToken } from './participation-token.js';
import { signupMail } from './signup-mail.js';

/** The purpose people agree to on the sign-up form; its wording is the installation's (consent purposes). */
export const DIALOGUE_CONSENT_PURPOSE = 'dialogue_meeting';

export interface MeetingInput {
  theme: string;
  description?: string | null;
  startsAt: string;
  endsAt?: string | null;
  place?: string | null;
  link?: string | null;
  sectors: Sector[];
  facilitator: string;
  seats: number;
  votesPerParticipant?: number;
  needsOpen?: boolean;
  departmentId?: string | null;
}

export interface SignupInput {
  name: string;
  email: string;
  organisation?: string | null;
  sector: Sector;
  consent: { given: boolean; textVersion: number };
}

export interface SeatCounts {
  confirmed: number;
  waitlisted: number;
}

export interface MeetingWithCounts {
  meeting: DialogueMeeting;
  counts: SeatCounts;
}

export interface SignupResult {
  signup: DialogueSignup;
  /** The personal token, shown once: the person's key to their sign-up. */
  token: string;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

/** Whether the meeting's start time has passed: from then on no one signs up, cancels or moves up from the waiting list. */
export const hasBegun = (meeting: DialogueMeeting): boolean => meeting.startsAt.getTime() <= Date.now();

function assertNotBegun(meeting: DialogueMeeting, detail: string): void {
  if (hasBegun(meeting)) throw new ConflictError('dialogue_meeting_past', `${detail} This one began ${meeting.startsAt.toISOString()}.`, { startsAt: meeting.startsAt.toISOString() });
}

/** Dialogue meetings and who comes: arranging, the public sign-up, the waiting list, attendance. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
  ) {}

  private get meetings() {
    return this.txHost.tx.getRepository(DialogueMeeting);
  }

  private get signups() {
    return this.txHost.tx.getRepository(DialogueSignup);
  }

  /** The web page a sign-up's link opens. */
  participationLink(token: string): string {
    return `${this.config.PUBLIC_URL}/dialogue/participation/${token}`;
  }

  async create(input: MeetingInput): Promise<DialogueMeeting> {
    return this.txHost.withTransaction(async () => {
      const content = await this.validated(input);
      const meeting = await this.meetings.save(this.meetings.create({ ...content, createdBy: this.actor.required.id }));
      await this.audit.record({ action: 'dialogue_meeting.created', entityType: 'dialogue_meeting', entityId: meeting.id, details: { seats: meeting.seats, departmentId: meeting.departmentId } });
      return meeting;
    });
  }

  /** Replaces the meeting's details; more seats move the waiting list up at once. Needs the version read. */
  async update(id: string, expectedVersion: number | undefined, input: MeetingInput): Promise<MeetingWithCounts> {
    return this.txHost.withTransaction(async () => {
      const meeting = await this.access.require(DialogueMeetingRecords, 'arrange', id, { lock: 'pessimistic_write' });
      assertVersion('dialogue meeting', expectedVersion, meeting.version);
      const content = await this.validated(input);
      const counts = await this.countsOf(id);
      if (content.seats < counts.confirmed) {
        throw new ValidationFailedError([{ field: 'seats', message: `${counts.confirmed} people already have a seat; cancel sign-ups before lowering the seats below that`, code: 'min', limit: counts.confirmed }]);
      }
      Object.assign(meeting, content);
      const saved = await this.meetings.save(meeting);
      const promoted = await this.fillSeats(saved, content.seats - counts.confirmed);
      await this.audit.record({ action: 'dialogue_meeting.updated', entityType: 'dialogue_meeting', entityId: id, details: { seats: saved.seats, needsOpen: saved.needsOpen, promoted } });
      return { meeting: saved, counts: await this.countsOf(id) };
    });
  }

  async get(id: string): Promise<MeetingWithCounts> {
    const meeting = await this.access.require(DialogueMeetingRecords, 'read', id);
    return { meeting, counts: await this.countsOf(id) };
  }

  /** Whether the caller may arrange the meeting (the page offers attendance, merging, changes). */
  mayArrange(id: string): Promise<boolean> {
    return this.access.allows(DialogueMeetingRecords, 'arrange', id);
  }

  /** Newest first by the time they are held. */
  async list(page: PageQueryDto): Promise<Page<MeetingWithCounts>> {
    const qb = await this.access.filter(this.meetings.createQueryBuilder('m'), DialogueMeetingRecords, 'read');
    const result = await paginate(qb, page, { sortColumn: 'm.starts_at', idColumn: 'm.id', direction: 'DESC', keyOf: (m) => [m.startsAt.toISOString(), m.id] });
    const counts = await this.countsOfMany(result.items.map((m) => m.id));
    return { items: result.items.map((meeting) => ({ meeting, counts: counts.get(meeting.id) ?? { confirmed: 0, waitlisted: 0 } })), nextCursor: result.nextCursor };
  }

  /** For the public sign-up form: no access check, nothing personal. */
  async publicView(id: string): Promise<MeetingWithCounts & { consent: ConsentPurpose }> {
    const meeting = await this.meetings.findOneBy({ id });
    if (!meeting) throw new NotFoundError('Dialogue meeting', id);
    return { meeting, counts: await this.countsOf(id), consent: await this.consentPurpose() };
  }

  /** The sign-ups, in sign-up order, for those who arrange the meeting: they hold names and addresses. */
  async listSignups(id: string, page: PageQueryDto): Promise<Page<DialogueSignup>> {
    await this.access.require(DialogueMeetingRecords, 'arrange', id);
    const qb = this.signups.createQueryBuilder('s').where('s.meeting_id = :id', { id });
    return paginate(qb, page, { sortColumn: 's.created_at', idColumn: 's.id', direction: 'ASC', keyOf: (s) => [s.createdAt.toISOString(), s.id] });
  }

  async recordAttendance(id: string, signupId: string, attended: boolean): Promise<DialogueSignup> {
    return this.txHost.withTransaction(async () => {
      await this.access.require(DialogueMeetingRecords, 'arrange', id);
      const signup = await this.signups.findOne({ where: { id: signupId, meetingId: id }, lock: { mode: 'pessimistic_write' } });
      if (!signup) throw new NotFoundError('Sign-up', signupId);
      if (signup.status !== 'confirmed') throw new ConflictError('signup_not_confirmed', `A ${signup.status} sign-up has no seat, so no attendance.`, { signupStatus: signup.status });
      signup.attended = attended;
      const saved = await this.signups.save(signup);
      await this.audit.record({ action: 'dialogue_signup.attendance', entityType: 'dialogue_signup', entityId: signupId, to: attended ? 'attended' : 'absent', details: { meetingId: id } });
      return saved;
    });
  }

  /**
   * Signs someone up with a seat, or on the waiting list when every seat is taken. The meeting's
   * row is locked while the seats are counted, so two people never get the last seat both.
   */
  async signUp(id: string, input: SignupInput): Promise<SignupResult> {
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw new NotFoundError('Dialogue meeting', id);
      assertNotBegun(meeting, 'Sign-ups close when the meeting begins.');
      const purpose = await this.consentPurpose();
      if (!input.consent.given) throw new ValidationFailedError([{ field: 'consent.given', message: 'signing up needs consent to the stated purpose', code: 'required' }]);
      if (input.consent.textVersion !== purpose.textVersion) {
        throw new ConflictError('consent_text_changed', `The text of "${purpose.key}" is now version ${purpose.textVersion}; read it again and answer that.`, { currentTextVersion: purpose.textVersion });
      }
      if (!meeting.sectors.includes(input.sector)) {
        throw new ValidationFailedError([{ field: 'sector', message: `the meeting invites ${meeting.sectors.join(', ')}`, code: 'isIn' }]);
      }
      const { confirmed } = await this.countsOf(id);
      const status: SignupStatus = confirmed < meeting.seats ? 'confirmed' : 'waitlisted';
      const token = newParticipationToken();
      const signedUpAt = await this.nextSignupTime(id);
      let signup: DialogueSignup;
      try {
        signup = await this.signups.save(
          this.signups.create({
            meetingId: id,
            name: input.name,
            email: input.email,
            organisation: input.organisation ?? null,
            sector: input.sector,
            status,
            tokenHash: hashParticipationToken(token),
            consentPurpose: purpose.key,
            consentTextVersion: purpose.textVersion,
            consentedAt: new Date(),
            createdAt: signedUpAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('already_signed_up', 'This address is already signed up for the meeting; use the link in the e-mail to change or cancel.');
        throw error;
      }
      await this.audit.record({ action: 'dialogue_signup.created', entityType: 'dialogue_signup', entityId: signup.id, to: status, details: { meetingId: id, sector: input.sector, consentTextVersion: purpose.textVersion } });
      await this.outbox.mailTo(signup.email, { type: `dialogue_signup.${status}`, ...signupMail(status, meeting, this.participationLink(token)), data: { meetingId: id } });
      return { signup, token, waitlistPosition: status === 'waitlisted' ? await this.waitlistPosition(signup) : null };
    });
  }

  /**
   * The waiting list is ordered by sign-up time, so each sign-up must come strictly after the one
   * before it: a transaction's now() is when it began, not when it got the meeting's lock, and the
   * column keeps milliseconds. Called under the meeting's lock.
   */
  private async nextSignupTime(meetingId: string): Promise<Date> {
    const [row] = await this.txHost.tx.query(
      `SELECT greatest(clock_timestamp(), max(created_at) + interval '1 millisecond') AS at FROM dialogue_signups WHERE meeting_id = $1`,
      [meetingId],
    );
    return row.at;
  }

  /** The sign-up a personal token opens; 404 for an unknown token. */
  async byToken(token: string, options: { lock?: boolean } = {}): Promise<DialogueSignup> {
    const signup = await this.signups.findOne({ where: { tokenHash: hashParticipationToken(token) }, ...(options.lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!signup) throw new NotFoundError('Sign-up', 'token');
    return signup;
  }

  async waitlistPosition(signup: DialogueSignup): Promise<number | null> {
    if (signup.status !== 'waitlisted') return null;
    const ahead = await this.signups
      .createQueryBuilder('s')
      .where(`s.meeting_id = :meetingId AND s.status = 'waitlisted' AND (s.created_at, s.id) < (:createdAt, :id)`, { meetingId: signup.meetingId, createdAt: signup.createdAt, id: signup.id })
      .getCount();
    return ahead + 1;
  }

  /**
   * Gives up the seat (or the place in the queue); the first on the waiting list gets the seat and
   * is told. Cancelling twice is no change. Once the meeting has begun there is nothing to give up:
   * the seat was used or not (attendance says which), and no one could take it any more.
   */
  async cancel(token: string): Promise<DialogueSignup> {
    return this.txHost.withTransaction(async () => {
      const { meetingId } = await this.byToken(token);
      // The meeting first, as sign-up does: the seat count and the queue change together.
      const meeting = await this.meetings.findOneOrFail({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
      const signup = await this.byToken(token, { lock: true });
      if (signup.status === 'cancelled') return signup;
      assertNotBegun(meeting, 'A sign-up can be cancelled only before the meeting begins.');
      const from = signup.status;
      signup.status = 'cancelled';
      const saved = await this.signups.save(signup);
      const promoted = from === 'confirmed' ? await this.fillSeats(meeting, 1) : [];
      await this.audit.record({ action: 'dialogue_signup.cancelled', entityType: 'dialogue_signup', entityId: signup.id, from, to: 'cancelled', details: { meetingId, promoted } });
      return saved;
    });
  }

  /**
   * Moves up to `free` people from the waiting list to a seat, oldest first, and tells each; none
   * once the meeting has begun (a seat then comes too late). The meeting row is locked by the caller.
   */
  private async fillSeats(meeting: DialogueMeeting, free: number): Promise<string[]> {
    if (free <= 0 || hasBegun(meeting)) return [];
    const next = await this.signups.find({ where: { meetingId: meeting.id, status: 'waitlisted' }, order: { createdAt: 'ASC', id: 'ASC' }, take: free });
    for (const signup of next) {
      signup.status = 'confirmed';
      await this.signups.save(signup);
      // Only the token's hash is kept: the mail points to the link they got when signing up.
      await this.outbox.mailTo(signup.email, { type: 'dialogue_signup.promoted', ...signupMail('promoted', meeting, null), data: { meetingId: meeting.id } });
      await this.audit.record({ action: 'dialogue_signup.promoted', entityType: 'dialogue_signup', entityId: signup.id, from: 'waitlisted', to: 'confirmed', details: { meetingId: meeting.id } });
    }
    return next.map((s) => s.id);
  }

  async countsOf(id: string): Promise<SeatCounts> {
    return (await this.countsOfMany([id])).get(id) ?? { confirmed: 0, waitlisted: 0 };
  }

  private async countsOfMany(ids: string[]): Promise<Map<string, SeatCounts>> {
    if (!ids.length) return new Map();
    const rows: { meeting_id: string; confirmed: number; waitlisted: number }[] = await this.txHost.tx.query(
      `SELECT meeting_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM dialogue_signups WHERE meeting_id = ANY($1) GROUP BY meeting_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.meeting_id, { confirmed: r.confirmed, waitlisted: r.waitlisted }]));
  }

  private async consentPurpose(): Promise<ConsentPurpose> {
    const purpose = await this.txHost.tx.getRepository(ConsentPurpose).findOneBy({ key: DIALOGUE_CONSENT_PURPOSE, active: true });
    if (!purpose) throw new NotFoundError('Consent purpose', DIALOGUE_CONSENT_PURPOSE);
    return purpose;
  }

  private async validated(input: MeetingInput): Promise<Omit<DialogueMeeting, 'id' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt'>> {
    const errors: FieldError[] = [];
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (endsAt && endsAt <= startsAt) errors.push({ field: 'endsAt', message: 'the meeting must end after it starts', code: 'beforeStart' });
    if (!input.place && !input.link) errors.push({ field: 'place', message: 'give a place, a link, or both', code: 'required' });
    if (!input.sectors.length) errors.push({ field: 'sectors', message: 'invite at least one sector', code: 'required' });
    if (input.departmentId) {
      const exists = await this.txHost.tx.getRepository(Department).existsBy({ id: input.departmentId });
      const caller = this.access.caller();
      // A department member arranges for their own department only.
      if (!exists || (!caller.is('admin') && !caller.is('programme_manager') && !(await isMemberOf(caller, input.departmentId)))) {
        errors.push({ field: 'departmentId', message: 'not a department you may arrange for' });
      }
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return {
      theme: input.theme,
      description: input.description ?? null,
      startsAt,
      endsAt,
      place: input.place ?? null,
      link: input.link ?? null,
      sectors: [...new Set(input.sectors)],
      facilitator: input.facilitator,
      seats: input.seats,
      votesPerParticipant: input.votesPerParticipant ?? 5,
      needsOpen: input.needsOpen ?? true,
      departmentId: input.departmentId ?? null,
    };
  }
}
