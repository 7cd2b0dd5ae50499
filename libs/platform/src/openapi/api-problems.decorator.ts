import { ApiExtension } from '@nestjs/swagger';

/** Statuses a route answers with besides the ones every route of its kind can give, each with its problem codes. */
export type ProblemCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 422 | 503, readonly string[]>>;

/** Extension keys read (and removed) when the OpenAPI document is completed. */
export const PROBLEMS_EXTENSION = 'x-samverka-problems';
export const NO_REPLAY_EXTENSION = 'x-samverka-no-idempotent-replay';
/** On the `version` property of a view whose responses carry that version as ETag. */
export const VERSION_MARKER = 'x-samverka-etag';
export const ROLES_EXTENSION = 'x-samverka-roles';

/**
 * Declares the problem codes a route can answer with, e.g. `@ApiProblems({ 409: ['seats_exhausted'] })`.
 * The generic ones (validation, authentication, not found, versions, rate limits) are added from
 * the route's shape, so only what its service decides needs naming here.
 */
export const ApiProblems = (codes: ProblemCodes): MethodDecorator => ApiExtension(PROBLEMS_EXTENSION, codes) as MethodDecorator;
