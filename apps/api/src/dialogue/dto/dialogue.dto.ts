import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { hasBegun, SECTORS, SIGNUP_STATUSES, type DialogueSignup, type MeetingWithCounts, type NeedsFunnel, type NeedWithBacking, type Sector, type SignupStatus, FUNNEL_STEPS, type FunnelStep } from '@samverka/dialogue';
import type { ConsentPurpose } from '@samverka/identity';
import { BooleanField, DateField, EmailField, EnumField, IntField, SdgListField, TextField, TextListField, UuidField, VersionedView } from '@samverka/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, IsUrl, MaxLength, ValidateNested } from 'class-validator';

const SectorListField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ enum: SECTORS, isArray: true, minItems: 1, maxItems: SECTORS.length, description: 'The sectors invited.' }),
    IsDefined({ message: '$property is required' }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(SECTORS.length),
    IsIn(SECTORS, { each: true, message: `each sector must be one of: ${SECTORS.join(', ')}` }),
  );

export class MeetingDto {
  @TextField({ max: 200, example: 'Unga som varken arbetar eller studerar' })
  theme: string;

  @TextField({ max: 5000, multiline: true, optional: true, nullable: true })
  description?: string | null;

  @DateField({ example: '2026-12-10T13:00:00+01:00' })
  startsAt: string;

  @DateField({ optional: true, nullable: true })
  endsAt?: string | null;

  @TextField({ max: 300, optional: true, nullable: true, description: 'Where people meet; give a place, a link, or both.', example: 'Dunkers kulturhus, Helsingborg' })
  place?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2000, nullable: true, description: 'The link to the call, for a meeting online.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'link must be an http(s) URL' })
  @MaxLength(2000)
  link?: string | null;

  @SectorListField()
  sectors: Sector[];

  @TextField({ max: 200, description: 'Who leads the conversation.', example: 'Maria Lind' })
  facilitator: string;

  @IntField({ min: 1, max: 1000, description: 'Seats; more sign-ups join the waiting list.' })
  seats: number;

  @IntField({ min: 1, max: 20, optional: true, description: 'Votes each participant spreads over the needs (5 when not given).' })
  votesPerParticipant?: number;

  @BooleanField({ optional: true, description: 'While true, participants add needs and vote (true when not given).' })
  needsOpen?: boolean;

  @UuidField({ optional: true, nullable: true, description: 'The department arranging it; its members arrange it too. A department member may name only their own.' })
  departmentId?: string | null;
}

export class SignupConsentDto {
  @BooleanField({ description: 'Must be true: signing up needs consent to the purpose stated with the form.' })
  given: boolean;

  @IntField({ min: 1, description: 'The text version of the purpose the person read (409 consent_text_changed when it changed since).' })
  textVersion: number;
}

export class SignupDto {
  @TextField({ max: 200, example: 'Amira Haddad' })
  name: string;

  @EmailField()
  email: string;

  @TextField({ max: 200, optional: true, nullable: true, example: 'Helsingborgs universitet' })
  organisation?: string | null;

  @EnumField(SECTORS, { description: 'The sector the person comes from; one the meeting invites.' })
  sector: Sector;

  @ApiProperty({ type: SignupConsentDto })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => SignupConsentDto)
  consent: SignupConsentDto;
}

export class AttendanceDto {
  @BooleanField({ description: 'Whether the person came.' })
  attended: boolean;
}

export class NeedDto {
  @TextField({ max: 200, description: 'What the need is, in a line.', example: 'Fler vägar till sommarjobb för unga med funktionsnedsättning' })
  title: string;

  @TextField({ max: 5000, multiline: true, optional: true, nullable: true })
  description?: string | null;

  @TextField({ max: 500, optional: true, nullable: true, description: 'Whose need it is.' })
  targetGroup?: string | null;

  @TextField({ max: 5000, multiline: true, optional: true, nullable: true, description: 'What is known about it.' })
  evidence?: string | null;

  @UuidField({ optional: true, nullable: true, description: 'The department that owns the area.' })
  departmentId?: string | null;

  @SdgListField({ optional: true })
  sdgs?: number[];

  @TextListField({ maxItems: 20, maxLength: 60, optional: true })
  tags?: string[];
}

/** What an arranger corrects in a need's words: each field given replaces it; null clears (not the title). */
export class NeedTextDto {
  @TextField({ max: 200, optional: true, description: 'What the need is, in a line; it cannot be cleared.' })
  title?: string;

  @TextField({ max: 5000, multiline: true, optional: true, nullable: true })
  description?: string | null;

  @TextField({ max: 500, optional: true, nullable: true, description: 'Whose need it is.' })
  targetGroup?: string | null;

  @TextField({ max: 5000, multiline: true, optional: true, nullable: true, description: 'What is known about it.' })
  evidence?: string | null;
}

export class VoteDto {
  @IntField({ min: 0, max: 20, description: 'The participant’s votes on this need (0 takes them back); all their votes together stay within the meeting’s allowance.' })
  votes: number;
}

export class MergeNeedDto {
  @UuidField({ description: 'The need that stays; the one in the path is merged into it.' })
  intoNeedId: string;
}

export class DraftChallengeDto {
  @UuidField({ optional: true, description: 'The department drafting it; the need’s own department when not given. The caller must be its member.' })
  departmentId?: string;
}

export class SeatCountsView {
  @ApiProperty({ description: 'People with a seat.' }) confirmed: number;
  @ApiProperty({ description: 'People on the waiting list.' }) waitlisted: number;
  @ApiProperty({ description: 'Seats still free.' }) free: number;
}

const seatCounts = ({ meeting, counts }: MeetingWithCounts): SeatCountsView => Object.assign(new SeatCountsView(), { ...counts, free: Math.max(0, meeting.seats - counts.confirmed) });

export class MeetingPublicView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() theme: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty() facilitator: string;
  @ApiProperty() seats: number;
  @ApiProperty({ type: SeatCountsView }) seatCounts: SeatCountsView;
  @ApiProperty({ description: 'Votes each participant spreads over the needs.' }) votesPerParticipant: number;
  @ApiProperty() needsOpen: boolean;
  @ApiProperty({ description: 'The meeting has begun (its start time has passed): no more sign-ups, and a sign-up can no longer be cancelled.' }) hasBegun: boolean;

  static fill<T extends MeetingPublicView>(view: T, meetingWithCounts: MeetingWithCounts): T {
    const { meeting } = meetingWithCounts;
    return Object.assign(view, {
      id: meeting.id,
      theme: meeting.theme,
      description: meeting.description,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      place: meeting.place,
      link: meeting.link,
      sectors: meeting.sectors,
      facilitator: meeting.facilitator,
      seats: meeting.seats,
      seatCounts: seatCounts(meetingWithCounts),
      votesPerParticipant: meeting.votesPerParticipant,
      needsOpen: meeting.needsOpen,
      hasBegun: hasBegun(meeting),
    });
  }
}

export class ConsentWordingView {
  @ApiProperty({ example: 'dialogue_meeting' }) purpose: string;
  @ApiProperty({ description: 'Send it back with the consent.' }) textVersion: number;
  @ApiProperty() titleSv: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() textSv: string;
  @ApiProperty() textEn: string;

  static of(purpose: ConsentPurpose): ConsentWordingView {
    return Object.assign(new ConsentWordingView(), { purpose: purpose.key, textVersion: purpose.textVersion, titleSv: purpose.titleSv, titleEn: purpose.titleEn, textSv: purpose.textSv, textEn: purpose.textEn });
  }
}

export class MeetingInvitationView extends MeetingPublicView {
  @ApiProperty({ type: ConsentWordingView, description: 'The purpose people consent to when signing up.' }) consent: ConsentWordingView;

  static of(value: MeetingWithCounts & { consent: ConsentPurpose }): MeetingInvitationView {
    return Object.assign(MeetingPublicView.fill(new MeetingInvitationView(), value), { consent: ConsentWordingView.of(value.consent) });
  }
}

@VersionedView()
export class MeetingView extends MeetingPublicView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ description: 'Whether the caller may change it, record attendance and merge needs.' }) mayArrange: boolean;
  @ApiProperty({ description: 'Send it back in If-Match to change the meeting.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(value: MeetingWithCounts, mayArrange: boolean): MeetingView {
    const { meeting } = value;
    return Object.assign(MeetingPublicView.fill(new MeetingView(), value), { departmentId: meeting.departmentId, mayArrange, version: meeting.version, createdAt: meeting.createdAt.toISOString() });
  }
}

export class SignupView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: SignupStatus;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null until the arranger records it.' }) attended: boolean | null;
  @ApiProperty({ format: 'date-time' }) signedUpAt: string;

  static of(signup: DialogueSignup): SignupView {
    return Object.assign(new SignupView(), {
      id: signup.id,
      name: signup.name,
      email: signup.email,
      organisation: signup.organisation,
      sector: signup.sector,
      status: signup.status,
      attended: signup.attended,
      signedUpAt: signup.createdAt.toISOString(),
    });
  }
}

export class SignupCreatedView {
  @ApiProperty({ enum: ['confirmed', 'waitlisted'], description: 'confirmed: a seat; waitlisted: every seat was taken.' }) status: SignupStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Place in the waiting list, 1 being next.' }) waitlistPosition: number | null;
  @ApiProperty({ description: 'The personal token, also mailed as a link: it opens the meeting page to add needs, vote or cancel. Shown once.' }) token: string;
}

@VersionedView()
export class NeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) targetGroup: string | null;
  @ApiProperty({ nullable: true, type: String }) evidence: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ description: 'Raised by a participant (rather than recorded by an arranger).' }) raisedByParticipant: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Merged into this need, which carries its votes and contributors now.' }) mergedIntoId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The challenge drafted from it.' }) challengeId: string | null;
  @ApiProperty({ description: 'All participants’ votes on it.' }) votes: number;
  @ApiProperty({ description: 'Participants who raised or voted for it or a duplicate merged into it.' }) people: number;
  @ApiProperty({ enum: SECTORS, isArray: true, description: 'Their sectors.' }) sectors: Sector[];
  @ApiProperty({ description: 'Participants who raised it or a duplicate merged into it.' }) contributors: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Send it back in If-Match to correct the need’s words.' }) version: number;

  static of({ need, votes, people, sectors, contributors }: NeedWithBacking): NeedView {
    return Object.assign(new NeedView(), {
      id: need.id,
      title: need.title,
      description: need.description,
      targetGroup: need.targetGroup,
      evidence: need.evidence,
      departmentId: need.departmentId,
      sdgs: need.sdgs,
      tags: need.tags,
      raisedByParticipant: need.addedBySignupId !== null,
      mergedIntoId: need.mergedIntoId,
      challengeId: need.challengeId,
      votes,
      people,
      sectors,
      contributors,
      createdAt: need.createdAt.toISOString(),
      version: need.version,
    });
  }
}

export class ParticipantNeedView extends NeedView {
  @ApiProperty({ description: 'The participant’s own votes on it.' }) myVotes: number;
}

export class ParticipationView {
  @ApiProperty({ type: MeetingPublicView }) meeting: MeetingPublicView;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: SignupStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Place in the waiting list, 1 being next.' }) waitlistPosition: number | null;
  @ApiProperty({ description: 'Votes the participant has placed.' }) votesUsed: number;
  @ApiProperty({ type: [ParticipantNeedView], description: 'The meeting’s needs, oldest first; merged ones point to the need that stays.' }) needs: ParticipantNeedView[];
}

export class VotesView {
  @ApiProperty({ description: 'Votes the participant has placed now.' }) used: number;
  @ApiProperty({ description: 'The meeting’s votes per participant.' }) allowance: number;
}

export class FunnelStepView {
  @ApiProperty({ enum: FUNNEL_STEPS }) step: FunnelStep;
  @ApiProperty() count: number;
}

export class SectorCountView {
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ description: 'People with a seat at meetings held.' }) signedUp: number;
  @ApiProperty({ description: 'Of them, recorded as attended.' }) attended: number;
}

export class FromDialogueView {
  @ApiProperty({ description: 'Challenges drafted from a dialogue meeting’s need (withdrawn ones left out).' }) challenges: number;
  @ApiProperty({ description: 'All challenges (withdrawn ones left out).' }) ofAllChallenges: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Median of the people behind each such challenge’s need.' }) medianPeople: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median of the sectors behind each.' }) medianSectors: number | null;
}

export class NeedsFunnelView {
  @ApiProperty({ type: [FunnelStepView], description: 'Meetings held → people → needs raised → needs drafted into challenges → approved → matched → graduated.' }) steps: FunnelStepView[];
  @ApiProperty({ type: [SectorCountView] }) sectors: SectorCountView[];
  @ApiProperty({ type: FromDialogueView }) fromDialogue: FromDialogueView;

  static of(report: NeedsFunnel): NeedsFunnelView {
    return Object.assign(new NeedsFunnelView(), report);
  }
}

export class NeedsFunnelQuery {
  @EnumField(['json', 'csv'] as const, { optional: true, description: 'csv: the steps and the sectors as CSV rows.' })
  format?: 'json' | 'csv';
}
