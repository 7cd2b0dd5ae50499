import { StaleVersionError, ValidationFailedError, VersionRequiredError } from '../errors/domain-error.js';

/** Reads a version from `If-Match: "3"` (or `W/"3"`, or `3`); undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new ValidationFailedError([{ field: 'If-Match', message: 'If-Match must be the ETag of the resource, e.g. "3"' }]);
  return Number(match[1]);
}

export const etagOf = (version: number): string => `"${version}"`;

/** An update must name the version it was based on; a stale one is refused, never merged. */
export function assertVersion(entity: string, expected: number | undefined, current: number): void {
  if (expected === undefined) throw new VersionRequiredError(entity);
  if (expected !== current) throw new StaleVersionError(entity, expected, current);
}
