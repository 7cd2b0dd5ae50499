import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation: the row the caller wants to add exists already. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
