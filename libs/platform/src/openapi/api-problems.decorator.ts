import { ApiExtension } from '@nestjs/swagger';
import type { ProblemCode } from '../errors/problem-catalogue.js';

/** Extension keys read (and removed) when the OpenAPI document is completed. */
export const PROBLEMS_EXTENSION = 'x-samverka-problems';
export const ROLES_EXTENSION = 'x-samverka-roles';
export const NO_REPLAY_EXTENSION = 'x-samverka-no-idempotent-replay';
/** On the `version` property of a view whose responses carry that version as ETag. */
export const VERSION_MARKER = 'x-samverka-etag';

/**
 * Declares the problem codes a route's rules can answer with, e.g. `@ApiProblems('seats_exhausted')`;
 * each code's status comes from the catalogue. The generic ones (validation, authentication, not
 * found, versions, rate limits) are added from the route's shape, so only what its service
 * decides needs naming here.
 */
export const ApiProblems = (...codes: ProblemCode[]): MethodDecorator => ApiExtension(PROBLEMS_EXTENSION, { codes }) as MethodDecorator;
