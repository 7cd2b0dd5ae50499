import { ApiProperty } from '@nestjs/swagger';
import { BooleanField, DayField, EnumField, IntField, PageQueryDto, TextField, TextListField, UuidField } from '@samverka/platform';
import { GRADUATION_OUTCOMES, LEARNING_KINDS, TRACK_STAGES, type GraduationOutcome, type LearningKind, type TrackStage } from '@samverka/tracks';
import { IsArray, IsString, MaxLength, ArrayMaxSize } from 'class-validator';

export class TrackQuery extends PageQueryDto {
  @UuidField({ optional: true, description: 'Only tracks of this cohort.' })
  cohortId?: string;

  @UuidField({ optional: true, description: 'Only tracks on this challenge.' })
  challengeId?: string;

  @UuidField({ optional: true, description: 'Only tracks on this department’s challenges (for someone in several departments).' })
  departmentId?: string;

  @EnumField(TRACK_STAGES, { optional: true, description: 'Only tracks in this stage.' })
  stage?: TrackStage;
}

export class AdvanceTrackDto {
  @EnumField(TRACK_STAGES, { description: 'The next stage, or discontinued.' })
  to: TrackStage;

  @TextField({ max: 4000, multiline: true, description: 'The manager’s decision: why the track moves now. Kept in the stage history.' })
  note: string;

  @TextField({ max: 4000, multiline: true, optional: true, description: 'Why the track ends; required to discontinue, only then.' })
  reason?: string;

  @EnumField(GRADUATION_OUTCOMES, { optional: true, description: 'What came of it; required to graduate, only then.' })
  outcome?: GraduationOutcome;

  @TextField({ max: 8000, multiline: true, optional: true, description: 'The outcome in a few sentences; required to graduate, only then.' })
  summary?: string;

  @DayField({ optional: true, description: 'The graduation date; today when left out. Only with to: graduated.' })
  graduatedOn?: string;
}

export class TestPlanDto {
  @UuidField({ description: 'One of the challenge’s offered test environments.' })
  testEnvironmentId: string;

  @DayField({ description: 'When testing starts.' })
  startsOn: string;

  @DayField({ optional: true, description: 'When testing ends, if known.' })
  endsOn?: string;

  @IntField({ min: 1, max: 100000, description: 'How many users will take part.' })
  users: number;

  @TextField({ max: 8000, multiline: true, description: 'What will be tried.' })
  whatWillBeTried: string;

  @TextField({ max: 4000, multiline: true, description: 'How consent is asked and recorded, following the environment’s consent rules.' })
  consentArrangements: string;
}

export class GraduationCriteriaDto {
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 100, description: 'Keys of the cohort’s graduation criteria the track has met; replaces the previous ticks.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  met: string[];
}

export class MilestoneDto {
  @TextField({ max: 500, example: 'Första prototypen klar' })
  title: string;

  @DayField({ description: 'When it is due.' })
  dueOn: string;
}

export class UpdateMilestoneDto {
  // Optional, but never emptied: a milestone without a title says nothing.
  @TextField({ min: 1, max: 500, optional: true })
  title?: string;

  @DayField({ optional: true, description: 'When it is due.' })
  dueOn?: string;

  @BooleanField({ optional: true, description: 'true marks it done now; false, not done again.' })
  done?: boolean;
}

export class TestSessionDto {
  @DayField({ description: 'When the session took place.' })
  heldOn: string;

  @UuidField({ description: 'Where: one of the challenge’s offered test environments.' })
  testEnvironmentId: string;

  @IntField({ min: 0, max: 100000, description: 'How many users took part.' })
  usersInvolved: number;

  @TextField({ max: 8000, multiline: true })
  whatWasTried: string;

  @TextField({ max: 8000, multiline: true })
  whatWasObserved: string;

  @BooleanField({ description: 'Whether consent was obtained; an environment that requires written consent refuses a session without it (409 consent_required).' })
  consentObtained: boolean;
}

export class LearningDto {
  @EnumField(LEARNING_KINDS)
  kind: LearningKind;

  @TextField({ max: 8000, multiline: true })
  text: string;

  @TextListField({ optional: true, maxItems: 20, maxLength: 60, description: 'Stored trimmed, lower case, each once.', example: ['Förtroende', 'skola'] })
  tags?: string[];
}

export class LearningQuery extends PageQueryDto {
  @EnumField(LEARNING_KINDS, { optional: true })
  kind?: LearningKind;

  @TextField({ max: 60, optional: true, description: 'Only entries with this tag (compared case-insensitively).' })
  tag?: string;
}

export class NoteDto {
  @TextField({ max: 8000, multiline: true })
  text: string;
}

export class FollowUpDto {
  @DayField({ description: 'When the follow-up was made.' })
  followedUpOn: string;

  @TextField({ max: 8000, multiline: true, description: 'How things stand since graduation.' })
  text: string;
}
