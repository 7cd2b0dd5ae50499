import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { APPLICATION_STATES, CONFLICT_SCOPES, DECISIONS, type Answer, type Application, type AssignedReviewer, type ApplicationState, type ConflictScope, type Decision } from '@samverka/programmes';
import { EnumField, PageQueryDto, TextField, UuidField, VersionedView } from '@samverka/platform';
import { MAX_QUESTIONS } from './content.dto.js';

export class AnswersDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    maxProperties: MAX_QUESTIONS,
    description: 'Question key → answer: text, a number, an option, or a list of options (multiple choice).',
    example: { team_size: 3, stage: 'idea' },
  })
  @IsObject({ message: 'answers must be an object of question key → answer' })
  answers: Record<string, unknown>;
}

export class ApplicationListQuery extends PageQueryDto {
  @EnumField(APPLICATION_STATES, { optional: true, description: 'Only applications in this state.' })
  state?: ApplicationState;
}

export class WithdrawDto {
  @TextField({ max: 1000, multiline: true, optional: true, description: 'Why; kept in the audit trail.' })
  reason?: string;
}

export class DecisionDto {
  @EnumField(DECISIONS, { description: 'accept (becomes a participant), waitlist or reject.' })
  decision: Decision;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'The reason for the decision.' })
  note?: string;
}

export class AssignmentDto {
  @UuidField({ description: 'A reviewer of the application’s cohort.' })
  reviewerId: string;
}

export class ConflictDto {
  @EnumField(CONFLICT_SCOPES, { description: 'application: this application only; applicant: every application of this person.' })
  scope: ConflictScope;

  @TextField({ max: 1000, multiline: true, description: 'Why you have a conflict of interest.' })
  reason: string;
}

@VersionedView()
export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty({ description: 'Who applied: everyone who may see the application may see their name, whatever its state.' }) applicantName: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state: ApplicationState;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, Answer>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ description: 'Send as If-Match to change the answers.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  /** `names`: user id → display name, holding at least the applicant's. */
  static of(application: Application, names: ReadonlyMap<string, string>): ApplicationView {
    return Object.assign(new ApplicationView(), {
      id: application.id,
      cohortId: application.cohortId,
      applicantId: application.applicantId,
      applicantName: names.get(application.applicantId) ?? '',
      state: application.state,
      answers: application.answers,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      decidedAt: application.decidedAt?.toISOString() ?? null,
      decisionNote: application.decisionNote,
      version: application.version,
      createdAt: application.createdAt.toISOString(),
    });
  }
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A reviewer assigned to an application, for the cohort's manager: who, and whether their review is in (never its scores). */
export class AssignedReviewerView {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ description: 'Whether the reviewer has submitted their review.' }) reviewed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the review was last saved; null while it is still to be written.' }) reviewedAt: string | null;

  static of(assigned: AssignedReviewer): AssignedReviewerView {
    return Object.assign(new AssignedReviewerView(), {
      reviewerId: assigned.reviewerId,
      reviewerName: assigned.reviewerName,
      assignedAt: assigned.assignedAt.toISOString(),
      reviewed: assigned.reviewedAt !== null,
      reviewedAt: assigned.reviewedAt?.toISOString() ?? null,
    });
  }
}

/** A reviewer's declared conflict of interest, named for the cohort's manager. */
export class ReviewConflictView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() applicantName: string;
  @ApiProperty({ enum: CONFLICT_SCOPES, description: 'application: that application only; applicant: every application of that person.' }) scope: ConflictScope;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ConflictView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONFLICT_SCOPES }) scope: ConflictScope;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Applications you are no longer assigned to; your scores there no longer count.' }) removedAssignments: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
