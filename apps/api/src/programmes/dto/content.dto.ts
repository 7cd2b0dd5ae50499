import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { QUESTION_TYPES, type QuestionType } from '@samverka/programmes';
import { BooleanField, EnumField, IntField, TextField, TextListField } from '@samverka/platform';

const KeyField = (what: string): PropertyDecorator =>
  applyDecorators(
    TextField({ max: 60, description: `Stable key of the ${what} (lower-case letters, digits, _), e.g. \`team_size\`.`, example: 'team_size' }),
    Matches(/^[a-z][a-z0-9_]*$/, { message: '$property must be lower-case letters, digits and _, starting with a letter' }),
  );

/** A list of nested objects, each validated as `type`. */
export function NestedListField(type: () => new () => object, options: { optional?: boolean; maxItems: number; description?: string }): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: type(), isArray: true, required: !options.optional, maxItems: options.maxItems, description: options.description }),
    options.optional ? IsOptional() : IsDefined({ message: '$property is required' }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    ValidateNested({ each: true }),
    Type(type),
  );
}

export class QuestionDto {
  @KeyField('question')
  key: string;

  @TextField({ max: 500, description: 'The question as applicants read it.' })
  label: string;

  @EnumField(QUESTION_TYPES, { description: 'Kind of answer expected.' })
  type: QuestionType;

  @BooleanField({ description: 'Whether an answer is needed.' })
  required: boolean;

  @TextListField({ optional: true, maxItems: 50, maxLength: 200, description: 'The options of a single or multiple choice question (at least two).' })
  options?: string[];
}

export class RubricCriterionDto {
  @KeyField('criterion')
  key: string;

  @TextField({ max: 200, description: 'What reviewers score, e.g. "Social impact".' })
  label: string;

  @IntField({ min: 1, max: 100, description: 'Relative weight in the weighted mean.' })
  weight: number;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'Guidance for reviewers.' })
  description?: string;
}

export class GraduationCriterionDto {
  @KeyField('criterion')
  key: string;

  @TextField({ max: 500, description: 'What must be true to graduate.' })
  label: string;
}

export const MAX_QUESTIONS = 50;
export const MAX_CRITERIA = 20;

const NormField = (stage: string): PropertyDecorator => IntField({ min: 1, max: 730, description: `Days a track normally spends in ${stage}.` });

/** How long a track normally stays in each stage; a track longer in its stage is flagged as stuck. */
export class StageNormsDto {
  @NormField('matched (before co-design starts)')
  matched: number;

  @NormField('co_design')
  co_design: number;

  @NormField('test_environment')
  test_environment: number;

  @NormField('evaluation')
  evaluation: number;
}
