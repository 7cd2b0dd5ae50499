import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { APPLICATION_STATES, type ApplicationState, type Review } from '@samverka/programmes';
import { TextField, VersionedView } from '@samverka/platform';
import { MAX_CRITERIA } from './content.dto.js';

export class ReviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', format: 'int32', minimum: 1, maximum: 5 }, maxProperties: MAX_CRITERIA, description: 'Rubric criterion key → score 1–5; every criterion scored.', example: { impact: 4, feasibility: 3 } })
  @IsObject({ message: 'scores must be an object of criterion key → score' })
  scores: Record<string, unknown>;

  @TextField({ max: 5000, multiline: true, optional: true, description: 'Your comment for the manager.' })
  comment?: string;
}

@VersionedView()
export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', format: 'int32', minimum: 1, maximum: 5 }, maxProperties: MAX_CRITERIA }) scores: Record<string, number>;
  @ApiProperty() comment: string;
  @ApiProperty({ description: 'Send as If-Match to change the review.' }) version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(review: Review): ReviewView {
    return Object.assign(new ReviewView(), {
      id: review.id,
      applicationId: review.applicationId,
      reviewerId: review.reviewerId,
      scores: review.scores,
      comment: review.comment,
      version: review.version,
      updatedAt: review.updatedAt.toISOString(),
    });
  }
}

export class ScoreboardQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: text/csv (UTF-8 with BOM), one row per application.' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be one of: json, csv' })
  format?: 'json' | 'csv';
}

export class ScoreboardRowView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty() applicantName: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state: ApplicationState;
  @ApiProperty({ description: 'Reviews that count (assigned reviewers only).' }) reviewCount: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the reviewers’ weighted scores (1–5).' }) weightedMean: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Standard deviation of the reviewers’ weighted scores.' }) spread: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean z-score, each reviewer standardised over their reviews in the cohort.' }) normalisedScore: number | null;
  @ApiProperty({ type: Number, nullable: true }) rankByMean: number | null;
  @ApiProperty({ type: Number, nullable: true }) rankByNormalised: number | null;
  @ApiProperty({ description: 'Reviewers strongly disagree (see the README for the rule).' }) disagreement: boolean;
}

export class ReviewerStatisticsView {
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Mean of the reviewer’s weighted scores.' }) mean: number;
  @ApiProperty({ description: 'Standard deviation of the reviewer’s weighted scores.' }) spread: number;
}

export class ScoreboardView {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: [ScoreboardRowView] }) rows: ScoreboardRowView[];
  @ApiProperty({ type: [ReviewerStatisticsView] }) reviewers: ReviewerStatisticsView[];
}
