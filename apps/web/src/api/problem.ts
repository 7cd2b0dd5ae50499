import i18next, { type TFunction } from 'i18next';
import type { Schemas } from './client';

export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type FieldErrorCode = FieldError['code'];

/** A failed API call: the HTTP status and, when the server sent one, its problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'code' in value && 'status' in value;

/** The data of a successful call; anything else becomes an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ApiError(result.response.status, isProblem(result.error) ? result.error : undefined);
  return result.data as T;
}

/** A field error in the reader's language, by its code (the API's own message is English, for developers). */
export const fieldMessage = ({ code, limit }: FieldError): string => i18next.t(`fieldErrors.${code}`, { ns: 'common', limit });

/** Each named field's message, for showing it next to the field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.problem?.errors ?? []).map((fieldError) => [fieldError.field, fieldMessage(fieldError)]));
}

/**
 * The problem in words for people: an area's own wording of the code when it has one
 * (`auth:problems.invalid_credentials`), else the kind of failure, else the server's detail.
 */
export function problemMessage(error: unknown, t: TFunction, areas: readonly string[] = []): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  const code = error.problem?.code;
  for (const area of areas) {
    const key = `${area}:problems.${code}`;
    if (code && t(key as never, { defaultValue: '' })) return t(key as never);
  }
  if (error.status === 412) return t('errors.stale');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status === 404) return t('errors.notFound');
  if (code === 'validation_failed') return t('errors.validation');
  return error.problem?.detail ?? t('errors.generic');
}
