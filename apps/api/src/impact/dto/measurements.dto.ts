import { ApiProperty } from '@nestjs/swagger';
import type { ImpactMeasurement } from '@samverka/impact';
import { DayField, PageQueryDto, TextField, UuidField } from '@samverka/platform';
import { IsDefined, IsNumber, IsOptional, IsUrl, MaxLength } from 'class-validator';

export class MeasurementDto {
  @UuidField({ description: 'A metric of the programme the track (or cohort) belongs to.' })
  metricId: string;

  @ApiProperty({ type: Number, description: 'The measured value, in the metric’s unit.', example: 14 })
  @IsDefined({ message: '$property is required' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @DayField({ description: 'First day of the period measured.' })
  periodFrom: string;

  @DayField({ description: 'Last day of the period measured (not before periodFrom).' })
  periodTo: string;

  @TextField({ max: 4000, multiline: true, description: 'How the value was arrived at: source, method, who counted.', example: 'Bokningsloggen i appen, oktober.' })
  evidenceText: string;

  @ApiProperty({ type: String, format: 'uri', required: false, maxLength: 2000, description: 'A link to the evidence (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'evidenceUrl must be an http(s) URL' })
  @MaxLength(2000)
  evidenceUrl?: string;
}

export class MeasurementQuery extends PageQueryDto {
  @UuidField({ optional: true, description: 'Only measurements of this metric.' })
  metricId?: string;
}

export class MeasurementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) metricId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid', description: 'The participant (user id) measured.' }) participantId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a measurement of the participant rather than of one track.' }) trackId: string | null;
  @ApiProperty() value: number;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty() evidenceText: string;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl: string | null;
  @ApiProperty({ description: 'Recorded after the participant graduated.' }) followUp: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who recorded it (null once that account is erased).' }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;

  static of(measurement: ImpactMeasurement): MeasurementView {
    return Object.assign(new MeasurementView(), {
      id: measurement.id,
      metricId: measurement.metricId,
      cohortId: measurement.cohortId,
      participantId: measurement.participantId,
      trackId: measurement.trackId,
      value: measurement.value,
      periodFrom: measurement.periodFrom,
      periodTo: measurement.periodTo,
      evidenceText: measurement.evidenceText,
      evidenceUrl: measurement.evidenceUrl,
      followUp: measurement.followUp,
      recordedBy: measurement.recordedBy,
      recordedAt: measurement.recordedAt.toISOString(),
    });
  }
}

export class MeasurementPage {
  @ApiProperty({ type: [MeasurementView] }) items: MeasurementView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
