import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { COHORT_STATES, cohortLifecycle, DEFAULT_STAGE_NORMS, type Cohort, type CohortState } from '@samverka/programmes';
import { BooleanField, DateField, DayField, EnumField, IntField, LanguageListField, PageQueryDto, TextField, UuidField, VersionedView } from '@samverka/platform';
import { GraduationCriterionDto, MAX_CRITERIA, MAX_QUESTIONS, NestedListField, QuestionDto, RubricCriterionDto, StageNormsDto } from './content.dto.js';

export class CreateCohortDto {
  @UuidField({ description: 'The programme the cohort belongs to; you must manage it.' })
  programmeId: string;

  @TextField({ max: 200, example: 'Hösten 2026' })
  name: string;

  @DayField({ optional: true, description: 'First day of the cohort.', example: '2026-09-01' })
  startsOn?: string;

  @DayField({ optional: true, description: 'Last day of the cohort.', example: '2027-01-31' })
  endsOn?: string;

  @DateField({ description: 'When applications can first be submitted.' })
  applicationOpensAt: string;

  @DateField({ description: 'When the call closes; submissions from then on are refused.' })
  applicationClosesAt: string;

  @IntField({ min: 1, max: 1000, description: 'How many applicants can be accepted.' })
  seats: number;

  @NestedListField(() => QuestionDto, { optional: true, maxItems: MAX_QUESTIONS, description: 'Application questions; default: the programme’s. Frozen once open.' })
  questions?: QuestionDto[];

  @NestedListField(() => RubricCriterionDto, { optional: true, maxItems: MAX_CRITERIA, description: 'Review rubric; default: the programme’s. Frozen once open.' })
  rubric?: RubricCriterionDto[];

  @NestedListField(() => GraduationCriterionDto, { optional: true, maxItems: MAX_CRITERIA, description: 'Graduation checklist; default: the programme’s.' })
  graduationCriteria?: GraduationCriterionDto[];

  @LanguageListField({ optional: true, description: 'Languages of work, ISO 639-1 (e.g. sv, en).', example: ['sv', 'en'] })
  languages?: string[];

  @ApiPropertyOptional({ type: StageNormsDto, description: 'Days a track normally spends in each stage; longer is flagged as stuck. Default: 14, 42, 56 and 28 days.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StageNormsDto)
  stageNormDays?: StageNormsDto;
}

/** Fields left out stay as they are. */
export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['programmeId'] as const)) {}

export class CohortListQuery extends PageQueryDto {
  @UuidField({ optional: true, description: 'Only cohorts of this programme.' })
  programmeId?: string;

  @EnumField(COHORT_STATES, { optional: true, description: 'Only cohorts in this state.' })
  state?: CohortState;
}

export class TransitionDto {
  @EnumField(COHORT_STATES, { description: 'The state to move to.' })
  to: CohortState;

  @TextField({ max: 1000, multiline: true, optional: true, description: 'Why; kept in the audit trail.' })
  reason?: string;
}

export class OpenDataDto {
  @BooleanField({ description: 'true: the cohort’s aggregated learnings and impact figures are published under /api/open; false: withdrawn at once.' })
  publishes: boolean;
}

export class AddReviewerDto {
  @UuidField({ description: 'A user holding the reviewer role.' })
  userId: string;
}

@VersionedView()
export class CohortView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty({ format: 'date-time' }) applicationOpensAt: string;
  @ApiProperty({ format: 'date-time' }) applicationClosesAt: string;
  @ApiProperty() seats: number;
  @ApiProperty({ type: [QuestionDto] }) questions: QuestionDto[];
  @ApiProperty({ type: [RubricCriterionDto] }) rubric: RubricCriterionDto[];
  @ApiProperty({ type: [GraduationCriterionDto] }) graduationCriteria: GraduationCriterionDto[];
  @ApiProperty({ type: [String], example: ['sv', 'en'] }) languages: string[];
  @ApiProperty({ type: StageNormsDto, description: 'Days a track normally spends in each stage.' }) stageNormDays: StageNormsDto;
  @ApiProperty({ enum: COHORT_STATES }) state: CohortState;
  @ApiProperty({ enum: COHORT_STATES, isArray: true, description: 'Where the cohort may move next.' }) allowedTransitions: CohortState[];
  @ApiProperty({ description: 'Whether its aggregated learnings and impact figures are open data (PUT /api/cohorts/{id}/open-data).' }) publishesOpenData: boolean;
  @ApiProperty({ description: 'Send as If-Match to change the cohort.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(cohort: Cohort): CohortView {
    return Object.assign(new CohortView(), {
      id: cohort.id,
      programmeId: cohort.programmeId,
      name: cohort.name,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      applicationOpensAt: cohort.applicationOpensAt.toISOString(),
      applicationClosesAt: cohort.applicationClosesAt.toISOString(),
      seats: cohort.seats,
      questions: cohort.questions,
      rubric: cohort.rubric,
      graduationCriteria: cohort.graduationCriteria,
      languages: cohort.languages,
      stageNormDays: { ...DEFAULT_STAGE_NORMS, ...cohort.stageNormDays },
      state: cohort.state,
      allowedTransitions: [...cohortLifecycle.allowedFrom(cohort.state)],
      publishesOpenData: cohort.publishesOpenData,
      version: cohort.version,
      createdAt: cohort.createdAt.toISOString(),
    });
  }
}

/** A person (reviewer or participant) with their name, for the manager's lists. */
export class CohortMemberView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For participants: their accepted application.' }) applicationId?: string;
  @ApiProperty({ format: 'date-time', description: 'When they joined (reviewers) or were accepted (participants).' }) since: string;
}
