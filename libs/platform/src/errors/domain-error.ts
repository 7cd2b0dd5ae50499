import type { FieldErrorCode } from './field-error-codes.js';
import type { CodeOfStatus, ProblemCode } from './problem-catalogue.js';

/**
 * What kind of failure a domain error is. The problem filter maps each kind to one HTTP
 * status in one exhaustive switch, so services never speak HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'stale_version'
  | 'precondition_required'
  | 'unprocessable'
  | 'rate_limited'
  | 'gone';

export interface FieldError {
  field: string;
  /** For developers, in English; people are shown the code in their own words. */
  message: string;
  /** Why, as a stable code (FIELD_ERROR_CODES); `invalid` when not given. */
  code?: FieldErrorCode;
  /** The number the rule names (a length, a count, a bound), when it names one. */
  limit?: number;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code from the catalogue, e.g. `challenge_not_editable`. */
    readonly code: ProblemCode,
    message: string,
    /** Extra members of the problem document (RFC 9457 extensions). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[], message = 'The request has invalid fields.') {
    const coded = errors.map((error) => ({ ...error, code: error.code ?? 'invalid' }));
    super('validation', 'validation_failed', message, { errors: coded });
    this.errors = coded;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('not_found', 'not_found', id ? `${entity} ${id} was not found.` : `${entity} was not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', code: CodeOfStatus<403> = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid access token is required.', code: CodeOfStatus<401> = 'unauthenticated') {
    super('unauthenticated', code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: CodeOfStatus<409>, message: string, extensions: Record<string, unknown> = {}) {
    super('conflict', code, message, extensions);
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    const moves = allowed.length ? allowed.join(', ') : 'none';
    super('invalid_transition', 'invalid_transition', `A ${entity} cannot move from ${from} to ${to}; allowed from ${from}: ${moves}.`, {
      from,
      to,
      allowed: [...allowed],
    });
  }
}

export class StaleVersionError extends DomainError {
  constructor(entity: string, expected: number, current: number) {
    super('stale_version', 'stale_version', `The ${entity} was changed by someone else (your version ${expected}, current ${current}). Reload and try again.`, {
      currentVersion: current,
    });
  }
}

export class VersionRequiredError extends DomainError {
  constructor(entity: string) {
    super('precondition_required', 'version_required', `Changing a ${entity} needs its version in an If-Match header.`);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: CodeOfStatus<422>, message: string, extensions: Record<string, unknown> = {}) {
    super('unprocessable', code, message, extensions);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`);
  }
}

/** What was here is withdrawn on purpose (410), unlike what never was (404); the extensions say what it was. */
export class GoneError extends DomainError {
  constructor(code: CodeOfStatus<410>, message: string, extensions: Record<string, unknown> = {}) {
    super('gone', code, message, extensions);
  }
}
