import fc from 'fast-check';
import { ValidationFailedError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, mapPage, toPage, type CursorKey } from './cursor.js';

describe('pagination cursors', () => {
  it('property: decoding an encoded key gives the key back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), fc.uuid(), (sortValue, id) => {
        const key: CursorKey = [sortValue, id];
        expect(decodeCursor(encodeCursor(key))).toEqual(key);
      }),
    );
  });

  it('is opaque: URL-safe text', () => {
    expect(encodeCursor(['2026-01-01T00:00:00.000Z', '6f1c8d3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', '!!!'],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['a key of three parts', Buffer.from('[1,"a","b"]').toString('base64url')],
    ['an id that is not text', Buffer.from('[1,2]').toString('base64url')],
  ])('refuses %s with a validation error naming the cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationFailedError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as ValidationFailedError).errors).toEqual([{ field: 'cursor', message: expect.any(String), code: 'invalid' }]);
    }
  });

  it('property: garbage never decodes to anything but a validation error', () => {
    fc.assert(
      fc.property(fc.string(), (cursor) => {
        try {
          const key = decodeCursor(cursor);
          expect(key).toHaveLength(2);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationFailedError);
        }
      }),
    );
  });

  it('builds a page from limit + 1 rows: the extra row only says there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: `id-${n}` }));
    const page = toPage(rows, 2, (row) => [row.n, row.id]);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor as string)).toEqual([2, 'id-2']);
    expect(toPage(rows, 3, (row) => [row.n, row.id]).nextCursor).toBeNull();
    expect(mapPage(page, (row) => row.n)).toEqual({ items: [1, 2], nextCursor: page.nextCursor });
  });
});
