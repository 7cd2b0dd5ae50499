import { applyDecorators } from '@nestjs/common';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { METRIC_AGGREGATIONS, METRIC_DIRECTIONS, type ImpactMetric, type MetricAggregation, type MetricDirection } from '@samverka/impact';
import { EnumField, SdgListField, TextField, VersionedView } from '@samverka/platform';
import { IsNumber, IsOptional } from 'class-validator';

/** A finite number, or null to clear it. */
export const OptionalNumberField = (description: string): PropertyDecorator =>
  applyDecorators(ApiProperty({ type: Number, required: false, nullable: true, description }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }));

export class CreateMetricDto {
  @TextField({ max: 200, example: 'Unga som bokat lokal själva' })
  name: string;

  @TextField({ max: 50, description: 'What one unit is, e.g. people, hours, kg CO₂e.', example: 'personer' })
  unit: string;

  @SdgListField({ description: 'The UN SDGs (goal numbers 1–17) the metric shows progress on.' })
  sdgs: number[];

  @EnumField(METRIC_DIRECTIONS, { description: 'Which way is progress.' })
  direction: MetricDirection;

  @EnumField(METRIC_AGGREGATIONS, { optional: true, description: 'How a cohort’s measurements add up for the target: sum (default, e.g. people reached) or average (e.g. waiting time).' })
  aggregation?: MetricAggregation;

  @OptionalNumberField('Where things stood before; reports measure progress from it (0 when absent). Required for a lower-is-better target.')
  baseline?: number | null;

  @OptionalNumberField('What the programme aims for per cohort; above the baseline for higher-is-better, below it for lower-is-better.')
  target?: number | null;
}

export class UpdateMetricDto extends PartialType(CreateMetricDto) {}

@VersionedView()
export class MetricView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ enum: METRIC_DIRECTIONS }) direction: string;
  @ApiProperty({ enum: METRIC_AGGREGATIONS }) aggregation: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ description: 'Send as If-Match to change the metric.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(metric: ImpactMetric): MetricView {
    return Object.assign(new MetricView(), {
      id: metric.id,
      programmeId: metric.programmeId,
      name: metric.name,
      unit: metric.unit,
      sdgs: metric.sdgs,
      direction: metric.direction,
      aggregation: metric.aggregation,
      baseline: metric.baseline,
      target: metric.target,
      version: metric.version,
      createdAt: metric.createdAt.toISOString(),
      updatedAt: metric.updatedAt.toISOString(),
    });
  }
}

export class MetricPage {
  @ApiProperty({ type: [MetricView] }) items: MetricView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
