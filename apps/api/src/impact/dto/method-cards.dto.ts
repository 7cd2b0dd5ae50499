import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntField, PageQueryDto, TextField, TextListField, UuidField } from '@samverka/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, MinLength, ValidateNested } from 'class-validator';

export class LinkedLearningDto {
  @UuidField({ description: 'A learning entry on a track you are on (new links), or one already on the card.' })
  learningId: string;

  @TextField({ max: 8000, multiline: true, optional: true, description: 'What the card quotes of the learning; the whole text when left out, the current excerpt for a learning already on the card.' })
  excerpt?: string;
}

/** The card version a local adaptation is made from. */
export class AdaptedFromDto {
  @UuidField({ description: 'The card adapted, often an imported one.' })
  cardId: string;

  @IntField({ min: 1, max: 2_147_483_647, description: 'Its version adapted.' })
  version: number;
}

/** A card's whole content: creating writes version 1, every edit writes the next version. */
export class MethodCardDto {
  @TextField({ max: 200, example: 'Samskapande med unga i fritidsgården' })
  title: string;

  @TextField({ max: 4000, multiline: true, description: 'The situation the method fits.' })
  whenToUse: string;

  @TextListField({ maxItems: 50, maxLength: 2000, multiline: true, description: 'The steps, in the order they are taken.', example: ['Bjud in unga via fritidsledarna', 'Låt dem boka själva'] })
  @ArrayMinSize(1)
  @MinLength(1, { each: true })
  steps: string[];

  @TextField({ max: 8000, multiline: true, description: 'Why the programme believes in the method: what was tried and seen.' })
  evidence: string;

  @ApiProperty({ type: [LinkedLearningDto], minItems: 1, maxItems: 50, description: 'The learnings the method is distilled from, each once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((link: LinkedLearningDto) => link.learningId, { message: 'each learning may be linked once' })
  @ValidateNested({ each: true })
  @Type(() => LinkedLearningDto)
  learnings: LinkedLearningDto[];
}

/** A new card; an adaptation of another card (say an imported one) names it. */
export class NewMethodCardDto extends MethodCardDto {
  @ApiPropertyOptional({ type: AdaptedFromDto, description: 'The card version this one adapts; the new card names it as its source.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdaptedFromDto)
  adaptedFrom?: AdaptedFromDto;
}

export class MethodCardQuery extends PageQueryDto {
  @TextField({ max: 200, optional: true, description: 'Full-text search (Swedish and English) in title and when to use.' })
  q?: string;
}

/** The largest version PostgreSQL's integer holds: a larger one is a 400, not a database error. */
const MAX_VERSION = 2_147_483_647;

export class MethodCardUseDto {
  @UuidField({ description: 'The card used.' })
  cardId: string;

  @IntField({ min: 1, max: MAX_VERSION, description: 'The version of the card used.' })
  version: number;
}

export class MethodCardVersionParams {
  @UuidField({ description: 'The card.' })
  id: string;

  @IntField({ min: 1, max: MAX_VERSION, description: 'The version number.' })
  version: number;
}
