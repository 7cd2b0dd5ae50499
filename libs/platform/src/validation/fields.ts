import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isLanguageCode, normaliseLanguages } from './languages.js';

/**
 * Combined decorators: the validation rule, the conversion and the OpenAPI description in
 * one place, so a DTO field cannot be validated one way and documented another.
 */
interface FieldOptions {
  optional?: boolean;
  description?: string;
  example?: unknown;
  nullable?: boolean;
}

function documented(options: FieldOptions, schema: ApiPropertyOptions): PropertyDecorator {
  const api = ApiProperty({ ...schema, required: !options.optional, description: options.description, example: options.example, nullable: options.nullable } as ApiPropertyOptions);
  return options.optional ? applyDecorators(api, IsOptional()) : applyDecorators(api, IsDefined({ message: '$property is required' }));
}

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

// PostgreSQL cannot store a NUL character in text, and no control character has a place in a
// line of text; a multi-line text may hold tabs and line breaks.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001F\u007F]*$/;
// eslint-disable-next-line no-control-regex -- as above, but for tab, line feed and carriage return
const NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const noControlCharacters = (multiline: boolean, each = false) =>
  multiline
    ? Matches(NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS, { each, message: '$property must not contain control characters', context: { code: 'controlCharacters' } })
    : Matches(NO_CONTROL_CHARACTERS, { each, message: '$property must be one line without control characters', context: { code: 'oneLine' } });

interface TextOptions {
  /** Texts of several lines (descriptions, comments, reasons); names, titles and codes are one line. */
  multiline?: boolean;
  /** Secrets are taken exactly as typed; everything else loses its surrounding white space. */
  trim?: boolean;
}

export function TextField(options: FieldOptions & TextOptions & { min?: number; max: number }): PropertyDecorator {
  const rules = [
    documented(options, { type: String, minLength: options.min ?? (options.optional ? 0 : 1), maxLength: options.max }),
    IsString(),
    noControlCharacters(options.multiline ?? false),
    MinLength(options.min ?? (options.optional ? 0 : 1)),
    MaxLength(options.max),
  ];
  return applyDecorators(...(options.trim === false ? rules : [trim, ...rules]));
}

export function EmailField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'email', maxLength: 254, example: options.example ?? 'anna@example.se' }),
    trim,
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );
}

export function UuidField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { type: String, format: 'uuid', maxLength: 36 }), IsUUID('all'));
}

/** A list of ids, each a UUID. */
export function UuidListField(options: FieldOptions & { maxItems: number; itemName?: string }): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 }, maxItems: options.maxItems }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsUUID('all', { each: true, message: options.itemName ? `each ${options.itemName} must be a UUID` : 'each value in $property must be a UUID' }),
  );
}

export function EnumField<T extends string>(values: readonly T[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { enum: values as T[], type: String }),
    IsIn(values as T[], { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** PostgreSQL's `integer`: a value outside it cannot be stored (400 `invalid_value`). */
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

export function IntField(options: FieldOptions & { min?: number; max?: number }): PropertyDecorator {
  const rules = [Type(() => Number), IsInt()];
  if (options.min !== undefined) rules.push(Min(options.min));
  if (options.max !== undefined) rules.push(Max(options.max));
  return applyDecorators(documented(options, { type: 'integer', format: 'int32', minimum: options.min ?? INT32_MIN, maximum: options.max ?? INT32_MAX }), ...rules);
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { type: Boolean }), IsBoolean());
}

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date-time', maxLength: 35 }),
    IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date or date-time' }),
  );
}

export function TextListField(options: FieldOptions & Pick<TextOptions, 'multiline'> & { maxItems: number; maxLength: number }): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: 'array', items: { type: 'string', maxLength: options.maxLength }, maxItems: options.maxItems }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsString({ each: true }),
    noControlCharacters(options.multiline ?? false, true),
    MaxLength(options.maxLength, { each: true }),
  );
}

/** A calendar day (PostgreSQL `date`): a time of day would be silently dropped, so it is refused. */
export function DayField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date', maxLength: 10, example: options.example ?? '2026-10-01' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)', context: { code: 'isIso8601' } }),
    // Strict ISO 8601 also refuses days that do not exist, such as 2026-02-30.
    IsISO8601({ strict: true }, { message: '$property must be a date that exists (YYYY-MM-DD)' }),
  );
}

const SDG_RULE = { each: true, message: 'each SDG must be a goal number from 1 to 17' };

/** UN Sustainable Development Goals, by number. */
export function SdgListField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented({ description: 'UN SDG goal numbers, 1–17.', example: [4, 10], ...options }, { type: 'array', items: { type: 'integer', format: 'int32', minimum: 1, maximum: 17 }, maxItems: 17 }),
    IsArray(),
    ArrayMaxSize(17),
    IsInt(SDG_RULE),
    Min(1, SDG_RULE),
    Max(17, SDG_RULE),
  );
}

/** Languages as ISO 639-1 codes (sv, en, ar …): normalised to lower case and each once, then checked. */
export function LanguageListField(options: FieldOptions & { maxItems?: number } = {}): PropertyDecorator {
  const maxItems = options.maxItems ?? 20;
  return applyDecorators(
    documented({ example: ['sv', 'en'], ...options }, { type: 'array', items: { type: 'string', minLength: 2, maxLength: 2 }, maxItems }),
    Transform(({ value }) => (Array.isArray(value) && value.every((code) => typeof code === 'string') ? normaliseLanguages(value) : value)),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateBy(
      { name: 'isLanguageCode', validator: { validate: (code: unknown) => typeof code === 'string' && isLanguageCode(code) } },
      {
        each: true,
        message: ({ value }) => {
          const unknown = (Array.isArray(value) ? value : [value]).filter((code) => typeof code !== 'string' || !isLanguageCode(code));
          return `${unknown.join(', ')} is not an ISO 639-1 language code`;
        },
      },
    ),
  );
}
