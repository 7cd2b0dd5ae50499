import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldError } from '../errors/domain-error.js';

/** Flattens class-validator's tree into `items[0].title`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
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
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: `the body must not be nested more than ${MAX_BODY_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && PROTOTYPE_NAMES.has(key)) return { field, message: `property ${key} should not exist` };
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
  return new BodyCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
