import { ApiProperty } from '@nestjs/swagger';
import type { TestEnvironment } from '@samverka/challenges';
import { BooleanField, DayField, EmailField, EnumField, IntField, PageQueryDto, TextField, VersionedView } from '@samverka/platform';

export class TestEnvironmentDto {
  @TextField({ max: 200, example: 'Drottninghögs bibliotek', description: 'What it is.' })
  name: string;

  @TextField({ max: 5000, multiline: true, optional: true })
  description?: string;

  @TextField({ max: 500, multiline: true, optional: true, example: 'Drottninghögsvägen 1, Helsingborg' })
  address?: string;

  @TextField({ min: 4, max: 4, example: '1283', description: 'SCB municipality code.' })
  municipalityCode: string;

  @TextField({ max: 200, description: 'The contact person.' })
  contactName: string;

  @EmailField({ optional: true })
  contactEmail?: string;

  @TextField({ max: 40, optional: true })
  contactPhone?: string;

  @DayField({ optional: true, description: 'First day it is available.' })
  availableFrom?: string;

  @DayField({ optional: true, description: 'Last day it is available.' })
  availableTo?: string;

  @IntField({ min: 1, max: 100000, optional: true, description: 'How many users can take part.' })
  maxParticipants?: number;

  @TextField({ max: 5000, multiline: true, optional: true, description: 'Resources offered: rooms, staff time, equipment, data.' })
  resources?: string;

  @TextField({ max: 5000, multiline: true, optional: true, description: 'Consent rules for the people involved.' })
  consentRules?: string;

  @BooleanField({ description: 'Whether the people involved must give written consent.' })
  writtenConsentRequired: boolean;

  @BooleanField({ optional: true, description: 'false retires the test environment (defaults to true).' })
  active?: boolean;
}

export class TestEnvironmentListQuery extends PageQueryDto {
  @EnumField(['true', 'false'] as const, { optional: true, description: 'Only active (true) or retired (false) ones.' })
  active?: 'true' | 'false';
}

@VersionedView()
export class TestEnvironmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() municipalityCode: string;
  @ApiProperty() contactName: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) availableFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) availableTo: string | null;
  @ApiProperty({ nullable: true, type: Number }) maxParticipants: number | null;
  @ApiProperty({ nullable: true, type: String }) resources: string | null;
  @ApiProperty({ nullable: true, type: String }) consentRules: string | null;
  @ApiProperty() writtenConsentRequired: boolean;
  @ApiProperty({ description: 'false: retired, can no longer be offered on a challenge.' }) active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(environment: TestEnvironment): TestEnvironmentView {
    return Object.assign(new TestEnvironmentView(), {
      ...environment,
      createdAt: environment.createdAt.toISOString(),
      updatedAt: environment.updatedAt.toISOString(),
    });
  }
}
