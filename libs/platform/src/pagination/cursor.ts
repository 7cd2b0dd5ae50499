import { ValidationFailedError } from '../errors/domain-error.js';

/** An opaque keyset position: the sort value and id of the last row of a page. */
export type CursorKey = [sortValue: string | number, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && ['string', 'number'].includes(typeof key[0]) && typeof key[1] === 'string') {
      return key as CursorKey;
    }
  } catch {
    // fall through to the validation error below
  }
  throw invalidCursor();
}

export const invalidCursor = (): ValidationFailedError =>
  new ValidationFailedError([{ field: 'cursor', message: 'cursor is not one this server issued' }]);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether there is more.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { items, nextCursor: hasMore && items.length ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
