import { ApiProperty } from '@nestjs/swagger';
import { GRADUATION_OUTCOMES, LEARNING_KINDS } from '@samverka/tracks';
import { OPEN_IMPACT_SECTIONS, OPEN_LEARNING_DIMENSIONS, type OpenImpactFigure, type OpenLearningDimension, type OpenLearningGroup } from '@samverka/impact';
import { EnumField, IntField, TextField, UuidField } from '@samverka/platform';
import { Matches } from 'class-validator';
import { OpenPageQuery, type CsvCell, type OpenCsv } from './open-data.js';

/** The filters every open figure takes. */
export class OpenFiguresQuery extends OpenPageQuery {
  @UuidField({ optional: true, description: 'Only this programme’s.' })
  programmeId?: string;

  @IntField({ optional: true, min: 2000, max: 2100, description: 'Only this year’s: the year a learning was recorded, a cohort’s starting year.' })
  year?: number;

  @IntField({ optional: true, min: 1, max: 17, description: 'Only from challenges working for this UN Global Goal (1–17).' })
  sdg?: number;

  @TextField({ optional: true, min: 4, max: 4, description: 'Only from challenges in this municipality (four-digit SCB code; the challenge’s place, else its department’s).', example: '1283' })
  @Matches(/^\d{4}$/, { message: '$property must be a four-digit municipality code' })
  municipality?: string;

  @TextField({ optional: true, min: 2, max: 2, description: 'Only from challenges in this county (two-digit SCB code).', example: '12' })
  @Matches(/^\d{2}$/, { message: '$property must be a two-digit county code' })
  county?: string;
}

export class OpenLearningsQuery extends OpenFiguresQuery {
  @EnumField(OPEN_LEARNING_DIMENSIONS, { optional: true, description: 'What the learnings of a programme and year are grouped by: their kind (default), tag, the track’s stage when recorded, or the department’s type (its name).' })
  by: OpenLearningDimension = 'kind';

  @TextField({ optional: true, max: 100, description: 'Only learnings with this tag (any case).' })
  tag?: string;
}

export class PublishedTextView {
  @ApiProperty({ enum: LEARNING_KINDS }) kind: string;
  @ApiProperty({ description: 'As its author wrote it; approved by a manager, its author consenting to research use.' }) text: string;
}

export class OpenLearningGroupView {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programme: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: OPEN_LEARNING_DIMENSIONS }) by: string;
  @ApiProperty({ type: String, nullable: true, description: 'The kind, tag, stage or department type; null for "other" and, grouped by tag, for untagged learnings.' })
  value: string | null;
  @ApiProperty({ description: 'The programme and year’s groups too small to publish alone, merged.' }) other: boolean;
  @ApiProperty({ description: 'Learnings in the group.' }) learnings: number;
  @ApiProperty({ description: 'Distinct tracks they were recorded on (at least 5).' }) tracks: number;
  @ApiProperty({ description: 'Distinct people who wrote them (at least 3; erased authors are not counted).' }) people: number;
  @ApiProperty({ type: [PublishedTextView], description: 'The texts that may be published; most learnings have none.' }) texts: PublishedTextView[];

  static of(group: OpenLearningGroup): OpenLearningGroupView {
    return Object.assign(new OpenLearningGroupView(), group);
  }
}

export class OpenLearningPage {
  @ApiProperty({ type: [OpenLearningGroupView] }) items: OpenLearningGroupView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OpenImpactFigureView {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programme: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohort: string;
  @ApiProperty({ example: 2026, description: 'The year the cohort starts.' }) year: number;
  @ApiProperty({ enum: OPEN_IMPACT_SECTIONS, description: 'metric: a programme metric’s aggregate; graduation: an outcome’s graduates; sdg: a Global Goal’s coverage.' }) section: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: `The metric’s name, the outcome (${GRADUATION_OUTCOMES.join(', ')}) or the goal’s number; null for the outcomes too small to publish alone, merged.`,
  })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The goal’s name (English).' }) label: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The metric’s unit.' }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Measurements of the metric, or linked to the goal.' }) measurements: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The metric’s sum or average, as the metric aggregates.' }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = target reached from the baseline; negative = the wrong way.' }) shareOfTarget: number | null;
  @ApiProperty({ type: Number, nullable: true }) graduates: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The cohort’s challenges working for the goal.' }) challenges: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The cohort’s participants working for the goal.' }) participants: number | null;

  static of(figure: OpenImpactFigure): OpenImpactFigureView {
    return Object.assign(new OpenImpactFigureView(), figure);
  }
}

export class OpenImpactPage {
  @ApiProperty({ type: [OpenImpactFigureView] }) items: OpenImpactFigureView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** The CSV forms: names rather than ids, as a spreadsheet reads them; a group's texts one per line in one cell. */
export const OPEN_LEARNING_CSV: OpenCsv<OpenLearningGroupView> = {
  filename: 'learnings',
  columns: ['programme', 'year', 'by', 'value', 'other', 'learnings', 'tracks', 'people', 'texts'],
  row: (g): CsvCell[] => [g.programme, g.year, g.by, g.value, g.other, g.learnings, g.tracks, g.people, g.texts.map((t) => t.text).join('\n')],
};

export const OPEN_IMPACT_CSV: OpenCsv<OpenImpactFigureView> = {
  filename: 'impact',
  columns: ['programme', 'cohort', 'year', 'section', 'key', 'label', 'unit', 'measurements', 'value', 'target', 'shareOfTarget', 'graduates', 'challenges', 'participants'],
  row: (f): CsvCell[] => [f.programme, f.cohort, f.year, f.section, f.key, f.label, f.unit, f.measurements, f.value, f.target, f.shareOfTarget, f.graduates, f.challenges, f.participants],
};

