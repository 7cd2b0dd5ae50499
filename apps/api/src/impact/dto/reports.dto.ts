import { ApiProperty } from '@nestjs/swagger';
import { GRADUATION_OUTCOMES, LEARNING_KINDS } from '@samverka/tracks';
import { EnumField } from '@samverka/platform';
import type { Type } from '@nestjs/common';

export class ReportQuery {
  @EnumField(['json', 'csv'], { optional: true, description: 'csv: text/csv (UTF-8 with BOM, RFC 4180), the same rows and columns as the JSON.' })
  format?: 'json' | 'csv';
}

/** `{report, cohortId, rows}` documented with the report's row type; the schema is named after the row. */
function reportOf(row: Type, name: string): Type {
  class Report {
    @ApiProperty({ example: name }) report: string;
    @ApiProperty({ format: 'uuid' }) cohortId: string;
    @ApiProperty({ type: [row] }) rows: unknown[];
  }
  Object.defineProperty(Report, 'name', { value: row.name.replace(/Row$/, 'Report') });
  return Report;
}

const DAYS = { type: Number, nullable: true, description: 'Days, two decimals; null without a finished stay.' };

export class FunnelRow {
  @ApiProperty({ enum: ['applications', 'accepted', 'matched', 'in_test', 'graduated'], description: 'Submitted applications (withdrawn later included) → accepted → confirmed matches → tracks that entered the test environment → graduated tracks.' })
  step: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'count / the previous step’s count, three decimals.' }) shareOfPrevious: number | null;
}

export class StageTimeRow {
  @ApiProperty({ enum: ['matched', 'co_design', 'test_environment', 'evaluation'] }) stage: string;
  @ApiProperty({ description: 'Finished stays in the stage (tracks still in it are not counted).' }) tracks: number;
  @ApiProperty(DAYS) medianDays: number | null;
  @ApiProperty(DAYS) minDays: number | null;
  @ApiProperty(DAYS) maxDays: number | null;
}

export class DepartmentChallengesRow {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() department: string;
  @ApiProperty({ description: 'Challenges of the department attached to the cohort.' }) challenges: number;
  @ApiProperty() approved: number;
  @ApiProperty() matched: number;
  @ApiProperty() inTest: number;
  @ApiProperty() completed: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({ description: 'Tracks on those challenges.' }) tracks: number;
  @ApiProperty() discontinued: number;
  @ApiProperty({ description: `Graduated tracks by outcome: ${GRADUATION_OUTCOMES.join(', ')} (camelCase).` }) adoptedByDepartment: number;
  @ApiProperty() continuedAsVenture: number;
  @ApiProperty() procured: number;
  @ApiProperty() stoppedWithLessons: number;
  @ApiProperty() other: number;
}

export class SdgCoverageRow {
  @ApiProperty({ minimum: 1, maximum: 17 }) goal: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Challenges of the cohort naming the goal.' }) challenges: number;
  @ApiProperty({ description: 'Participants (accepted applicants) whose profile names the goal.' }) participants: number;
  @ApiProperty({ description: 'Measurements in the cohort of metrics linked to the goal.' }) measurements: number;
}

export class MetricTotalRow {
  @ApiProperty({ format: 'uuid' }) metricId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['higher_is_better', 'lower_is_better'] }) direction: string;
  @ApiProperty({ enum: ['sum', 'average'] }) aggregation: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty() measurements: number;
  @ApiProperty({ description: 'Of them, recorded after graduation.' }) followUps: number;
  @ApiProperty({ type: Number, nullable: true }) sum: number | null;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(aggregate − baseline) / (target − baseline), baseline 0 when absent: 1 = target reached, above 1 = beyond, negative = the wrong way. Null without target or measurements.',
  })
  shareOfTarget: number | null;
}

export class MetricMonthRow {
  @ApiProperty({ format: 'uuid' }) metricId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['sum', 'average'] }) aggregation: string;
  @ApiProperty({ example: '2026-10', pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM: the month in which the measurements’ periods end.' }) month: string;
  @ApiProperty({ description: 'Measurements of the metric in the month, follow-ups included.' }) measurements: number;
  @ApiProperty({ description: 'The month’s measurements summed or averaged, as the metric aggregates; three decimals.' }) value: number;
  @ApiProperty({ description: 'The same over every measurement up to and including the month: the running total of a sum metric, the running average of an average one.' })
  cumulative: number;
}

export class GraduationRow {
  @ApiProperty({ enum: GRADUATION_OUTCOMES }) outcome: string;
  @ApiProperty() graduates: number;
}

export class LearningTagRow {
  @ApiProperty({ type: String, nullable: true, description: 'Null for entries without tags.' }) tag: string | null;
  @ApiProperty({ enum: LEARNING_KINDS }) kind: string;
  @ApiProperty({ description: 'Learning entries of this kind with this tag.' }) entries: number;
  @ApiProperty({ description: 'Tracks they come from.' }) tracks: number;
}

export const FunnelReport = reportOf(FunnelRow, 'funnel');
export const StageTimesReport = reportOf(StageTimeRow, 'stage-times');
export const ChallengesReport = reportOf(DepartmentChallengesRow, 'challenges');
export const SdgCoverageReport = reportOf(SdgCoverageRow, 'sdg-coverage');
export const MetricsReport = reportOf(MetricTotalRow, 'metrics');
export const MetricsOverTimeReport = reportOf(MetricMonthRow, 'metrics-over-time');
export const GraduationsReport = reportOf(GraduationRow, 'graduations');
export const LearningsReport = reportOf(LearningTagRow, 'learnings');
