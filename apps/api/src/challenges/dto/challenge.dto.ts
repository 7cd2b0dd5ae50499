import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHALLENGE_STATES, REVIEW_DECISIONS, UPTAKE_ROUTES, type Challenge, type ChallengeContent, type ChallengeOrigin, type ChallengeReview, type ChallengeState, type FieldChange, type RevisionComparison, type RevisionWithContext, type ReviewDecision, type UptakeRoute, type VisibleChallenge } from '@samverka/challenges';
import { EmailField, EnumField, IntField, LanguageListField, PageQueryDto, SdgListField, TextField, TextListField, UuidField, UuidListField, VersionedView } from '@samverka/platform';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';

const NestedField = (type: () => new () => object, description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: type(), description }), IsOptional(), ValidateNested(), Type(type));

export class NeedOwnerDto {
  @TextField({ max: 200, optional: true, description: 'Who owns the need in the department.' })
  name?: string;

  @TextField({ max: 200, optional: true, example: 'Enhetschef, fritid' })
  role?: string;

  @EmailField({ optional: true })
  email?: string;

  @TextField({ max: 40, optional: true })
  phone?: string;
}

export class RouteToAdoptionDto {
  @NestedField(() => NeedOwnerDto, 'The named need owner (name and role required before submission).')
  needOwner?: NeedOwnerDto;

  @EnumField(UPTAKE_ROUTES, { optional: true, description: 'How a working solution would be taken up.' })
  uptake?: UptakeRoute;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'A note on the uptake: budget line, procurement plan, grant, or what is missing.' })
  uptakeNote?: string;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'What "adopted" would mean for the department.' })
  adoptedMeans?: string;
}

/** A challenge's content; drafts may leave everything but the title for later, submission needs it complete. */
export class ChallengeContentDto {
  @TextField({ max: 200, example: 'Fler unga i föreningslivet' })
  title: string;

  @TextField({ max: 20000, multiline: true, optional: true })
  problemStatement?: string;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'Who is affected.' })
  targetGroup?: string;

  @TextField({ max: 5000, multiline: true, optional: true })
  desiredOutcome?: string;

  @TextListField({ maxItems: 20, maxLength: 80, optional: true, description: 'Themes (normalised: trimmed, lower case).' })
  themes?: string[];

  @SdgListField({ optional: true })
  sdgs?: number[];

  @TextListField({ maxItems: 30, maxLength: 80, optional: true, description: 'Competences needed (normalised).' })
  competences?: string[];

  @LanguageListField({ optional: true, maxItems: 10, description: 'Languages required (ISO 639-1).' })
  languages?: string[];

  @TextField({ min: 4, max: 4, optional: true, example: '1283', description: 'Location: SCB municipality code.' })
  municipalityCode?: string;

  @IntField({ min: 1, max: 80, optional: true, description: 'Hours per week expected of an innovator.' })
  hoursPerWeek?: number;

  @IntField({ min: 1, max: 100, optional: true, description: 'How many innovators or teams it can take (default 1).' })
  seats?: number;

  @UuidListField({ optional: true, maxItems: 20, itemName: 'test environment id', description: "Test environments offered, from the department's own registry." })
  testEnvironmentIds?: string[];

  @NestedField(() => RouteToAdoptionDto, 'The route to adoption: complete before the challenge can be submitted.')
  routeToAdoption?: RouteToAdoptionDto;
}

export class CreateChallengeDto extends ChallengeContentDto {
  @UuidField({ description: 'The department the challenge is for; you must be its member.' })
  departmentId: string;
}

export class ChallengeListQuery extends PageQueryDto {
  @EnumField(CHALLENGE_STATES, { optional: true })
  state?: ChallengeState;

  @UuidField({ optional: true })
  departmentId?: string;

  @UuidField({ optional: true })
  cohortId?: string;

  @IntField({ min: 1, max: 17, optional: true })
  sdg?: number;

  @TextField({ max: 80, optional: true })
  theme?: string;

  @TextField({ max: 80, optional: true })
  competence?: string;

  @TextField({ max: 200, optional: true, description: 'Full-text search (Swedish and English) in title, problem and outcome; results ranked.' })
  q?: string;

  @EnumField(['newest', 'review_queue'] as const, { optional: true, description: 'review_queue: submitted challenges, oldest submission first.' })
  sort?: 'newest' | 'review_queue';
}

export class ReviewChallengeDto {
  @EnumField(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @TextField({ max: 5000, multiline: true, optional: true, description: 'Required for request_changes and reject.' })
  comment?: string;

  @UuidField({ optional: true, description: 'The cohort an approved challenge joins (planning, open or selecting); required to approve.' })
  cohortId?: string;
}

export class WithdrawChallengeDto {
  @TextField({ max: 1000, multiline: true, optional: true, description: 'Why; kept in the audit trail.' })
  reason?: string;
}

export class CompareRevisionsQuery {
  @IntField({ min: 1, description: 'The older revision number.' })
  from: number;

  @IntField({ min: 1, description: 'The newer revision number.' })
  to: number;
}

export class NeedOwnerView {
  @ApiProperty({ nullable: true, type: String, description: 'Hidden (null) for entrepreneurs.' }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hidden (null) for entrepreneurs.' }) email: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hidden (null) for entrepreneurs.' }) phone: string | null;
}

export class RouteToAdoptionView {
  @ApiProperty({ type: NeedOwnerView }) needOwner: NeedOwnerView;
  @ApiProperty({ enum: UPTAKE_ROUTES, nullable: true }) uptake: UptakeRoute | null;
  @ApiProperty({ nullable: true, type: String }) uptakeNote: string | null;
  @ApiProperty({ nullable: true, type: String }) adoptedMeans: string | null;
}

export class ChallengeContentView {
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) problemStatement: string | null;
  @ApiProperty({ nullable: true, type: String }) targetGroup: string | null;
  @ApiProperty({ nullable: true, type: String }) desiredOutcome: string | null;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) competences: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ nullable: true, type: String }) municipalityCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) hoursPerWeek: number | null;
  @ApiProperty() seats: number;
  @ApiProperty({ type: [String], format: 'uuid' }) testEnvironmentIds: string[];
  @ApiProperty({ type: RouteToAdoptionView }) routeToAdoption: RouteToAdoptionView;

  static contentOf(content: ChallengeContent, showContacts: boolean): ChallengeContentView {
    const { needOwner } = content.routeToAdoption;
    return Object.assign(new ChallengeContentView(), {
      title: content.title,
      problemStatement: content.problemStatement,
      targetGroup: content.targetGroup,
      desiredOutcome: content.desiredOutcome,
      themes: content.themes,
      sdgs: content.sdgs,
      competences: content.competences,
      languages: content.languages,
      municipalityCode: content.municipalityCode,
      hoursPerWeek: content.hoursPerWeek,
      seats: content.seats,
      testEnvironmentIds: content.testEnvironmentIds,
      routeToAdoption: {
        ...content.routeToAdoption,
        needOwner: showContacts ? needOwner : { name: null, role: needOwner.role, email: null, phone: null },
      },
    });
  }
}

export class ChallengeOriginView {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ description: 'The dialogue meeting’s theme.' }) meetingTheme: string;
  @ApiProperty({ format: 'date-time' }) meetingStartsAt: string;
  @ApiProperty({ format: 'uuid' }) needId: string;
  @ApiProperty({ description: 'The need as it was worded when the challenge was drafted.' }) needTitle: string;
  @ApiProperty({ description: 'Participants who raised or voted for the need (merged duplicates included) when it was drafted.' }) people: number;
  @ApiProperty({ enum: ['public', 'private', 'civil_society', 'academia'], isArray: true, description: 'The sectors those people came from.' }) sectors: string[];

  static of(origin: ChallengeOrigin | null): ChallengeOriginView | null {
    return origin && Object.assign(new ChallengeOriginView(), origin);
  }
}

@VersionedView()
export class ChallengeView extends ChallengeContentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ enum: CHALLENGE_STATES }) state: ChallengeState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The cohort it was approved into.' }) cohortId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Last submission.' }) submittedAt: string | null;
  @ApiProperty({ type: ChallengeOriginView, nullable: true, description: 'The dialogue meeting and need it was drafted from, with the people and sectors behind the need; null when typed by the department.' }) origin: ChallengeOriginView | null;
  @ApiProperty({ description: 'Send it back in If-Match to edit.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of({ challenge, showContacts }: VisibleChallenge): ChallengeView {
    return ChallengeView.ofChallenge(challenge, showContacts);
  }

  static ofChallenge(challenge: Challenge, showContacts = true): ChallengeView {
    return Object.assign(new ChallengeView(), ChallengeContentView.contentOf(challenge, showContacts), {
      id: challenge.id,
      departmentId: challenge.departmentId,
      state: challenge.state,
      cohortId: challenge.cohortId,
      submittedAt: challenge.submittedAt?.toISOString() ?? null,
      origin: ChallengeOriginView.of(challenge.origin),
      version: challenge.version,
      createdAt: challenge.createdAt.toISOString(),
      updatedAt: challenge.updatedAt.toISOString(),
    });
  }
}

export class FieldChangeView {
  @ApiProperty({ example: 'routeToAdoption.needOwner.role' }) field: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string', maxLength: 20000 }, { type: 'number' }, { type: 'boolean' }, { type: 'array', maxItems: 100, items: {} }, { type: 'object' }], description: 'The value before (any JSON value).' }) before: unknown;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string', maxLength: 20000 }, { type: 'number' }, { type: 'boolean' }, { type: 'array', maxItems: 100, items: {} }, { type: 'object' }], description: 'The value after (any JSON value).' }) after: unknown;

  static of(change: FieldChange): FieldChangeView {
    return Object.assign(new FieldChangeView(), change);
  }
}

export class ChallengeReviewView {
  @ApiProperty({ description: 'The revision decided on.' }) revisionNumber: number;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cohortId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewedBy: string | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;

  static of(review: ChallengeReview | null): ChallengeReviewView | null {
    if (!review) return null;
    return Object.assign(new ChallengeReviewView(), {
      revisionNumber: review.revisionNumber,
      decision: review.decision,
      comment: review.comment,
      cohortId: review.cohortId,
      reviewedBy: review.reviewedBy,
      reviewedAt: review.reviewedAt.toISOString(),
    });
  }
}

export class RevisionView {
  @ApiProperty() number: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty({ type: ChallengeContentView, description: 'What was submitted, frozen.' }) content: ChallengeContentView;
  @ApiProperty({ type: [FieldChangeView], description: 'What changed since the previous revision, field by field.' }) changes: FieldChangeView[];
  @ApiProperty({ type: ChallengeReviewView, nullable: true, description: 'The review of the previous revision, which asked for these changes.' }) requestedBy: ChallengeReviewView | null;
  @ApiProperty({ type: ChallengeReviewView, nullable: true, description: 'The decision on this revision.' }) review: ChallengeReviewView | null;

  static of({ revision, changes, requestedBy, review }: RevisionWithContext): RevisionView {
    return Object.assign(new RevisionView(), {
      number: revision.number,
      submittedAt: revision.submittedAt.toISOString(),
      submittedBy: revision.submittedBy,
      content: ChallengeContentView.contentOf(revision.content, true),
      changes: changes.map(FieldChangeView.of),
      requestedBy: ChallengeReviewView.of(requestedBy),
      review: ChallengeReviewView.of(review),
    });
  }
}

export class RevisionComparisonView {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [FieldChangeView] }) changes: FieldChangeView[];
  @ApiProperty({ type: [ChallengeReviewView], description: 'The review comments between the two revisions, which asked for the changes.' }) reviews: ChallengeReviewView[];

  static of(comparison: RevisionComparison): RevisionComparisonView {
    return Object.assign(new RevisionComparisonView(), {
      from: comparison.from,
      to: comparison.to,
      changes: comparison.changes.map(FieldChangeView.of),
      reviews: comparison.reviews.map((review) => ChallengeReviewView.of(review)!),
    });
  }
}
