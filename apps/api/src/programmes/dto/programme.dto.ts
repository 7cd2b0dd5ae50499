import { ApiProperty, PartialType } from '@nestjs/swagger';
import type { Programme } from '@samverka/programmes';
import { TextField, UuidListField, VersionedView } from '@samverka/platform';
import { GraduationCriterionDto, MAX_CRITERIA, MAX_QUESTIONS, NestedListField, QuestionDto, RubricCriterionDto } from './content.dto.js';

export class CreateProgrammeDto {
  @TextField({ max: 200, example: 'Social Innovation Accelerator' })
  name: string;

  @TextField({ max: 5000, multiline: true, optional: true })
  description?: string;

  @NestedListField(() => QuestionDto, { optional: true, maxItems: MAX_QUESTIONS, description: 'Application questions new cohorts start with.' })
  defaultQuestions?: QuestionDto[];

  @NestedListField(() => RubricCriterionDto, { optional: true, maxItems: MAX_CRITERIA, description: 'Rubric new cohorts start with.' })
  defaultRubric?: RubricCriterionDto[];

  @NestedListField(() => GraduationCriterionDto, { optional: true, maxItems: MAX_CRITERIA, description: 'Graduation checklist new cohorts start with.' })
  defaultGraduationCriteria?: GraduationCriterionDto[];
}

/** Fields left out stay as they are. */
export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) {}

export class SetManagersDto {
  @UuidListField({ maxItems: 50, itemName: 'of userIds', description: 'The programme managers of the programme (replaces the current list); each must hold programme_manager.' })
  userIds: string[];
}

@VersionedView()
export class ProgrammeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [QuestionDto] }) defaultQuestions: QuestionDto[];
  @ApiProperty({ type: [RubricCriterionDto] }) defaultRubric: RubricCriterionDto[];
  @ApiProperty({ type: [GraduationCriterionDto] }) defaultGraduationCriteria: GraduationCriterionDto[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Users who manage this programme.' }) managerIds: string[];
  @ApiProperty({ description: 'Send as If-Match to change the programme.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(programme: Programme, managerIds: string[]): ProgrammeView {
    return Object.assign(new ProgrammeView(), {
      id: programme.id,
      name: programme.name,
      description: programme.description,
      defaultQuestions: programme.defaultQuestions,
      defaultRubric: programme.defaultRubric,
      defaultGraduationCriteria: programme.defaultGraduationCriteria,
      managerIds,
      version: programme.version,
      createdAt: programme.createdAt.toISOString(),
      updatedAt: programme.updatedAt.toISOString(),
    });
  }
}
