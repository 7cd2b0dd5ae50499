import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ValidationFailedError, type FieldError } from '../errors/domain-error.js';
import { isFieldErrorCode } from '../errors/field-error-codes.js';
import { cacheValidationRuleLookups } from './rule-lookup-cache.js';

/** The number a rule was declared with (`MaxLength(200)` → 200), read from the DTO's metadata. */
function limitOf(error: ValidationError, rule: string): number | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && (metadata.name ?? metadata.type) === rule);
  const limit: unknown = declared?.constraints?.[0];
  return typeof limit === 'number' ? limit : undefined;
}

/**
 * Flattens class-validator's tree into `items[0].title`-style field paths, each with the rule
 * it broke as its code (or the code the rule names in its `context`) and the rule's number.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]): FieldError => {
      const named: unknown = error.contexts?.[rule]?.code;
      const code = typeof named === 'string' ? named : rule;
      const limit = limitOf(error, rule);
      return { field, message, code: isFieldErrorCode(code) ? code : 'invalid', ...(limit === undefined ? {} : { limit }) };
    });
    return own.concat(flattenValidationErrors(error.children ?? [], field));
  });
}

/** Far deeper than any request Samverka takes, far shallower than what overflows the validator's stack. */
export const MAX_BODY_DEPTH = 32;

// The validator looks fields up in plain objects, where these names are always found, so it
// would let them through as known fields.
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * What the validator cannot be trusted with, found without recursion: nesting deeper than
 * MAX_BODY_DEPTH, and fields named like Object.prototype's members (`__proto__`, `constructor` …).
 */
export function bodyShapeProblem(body: unknown): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: `the body must not be nested more than ${MAX_BODY_DEPTH} levels deep`, code: 'tooDeep', limit: MAX_BODY_DEPTH };
    for (const [key, child] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && PROTOTYPE_NAMES.has(key)) return { field, message: `property ${key} should not exist`, code: 'whitelistValidation' };
      pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

class BodyCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'body' ? bodyShapeProblem(value) : undefined;
    if (problem) throw new ValidationFailedError([problem]);
    return super.transform(value, metadata);
  }
}

/** Production's pipe: unknown fields are rejected, types converted, every bad field named. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationRuleLookups();
  return new BodyCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    // The target lets a rule's number be read from the DTO's metadata; neither it nor the value is ever sent.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
