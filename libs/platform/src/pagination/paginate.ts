import { QueryFailedError, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, invalidCursor, toPage, type CursorKey, type Page } from './cursor.js';
import type { PageQueryDto } from './page-query.dto.js';

export interface KeysetOrder<E> {
  /** SQL expression of the sort column, e.g. `c.created_at`. */
  sortColumn: string;
  /** SQL expression of the unique tie-breaker, e.g. `c.id`. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  keyOf: (entity: E) => CursorKey;
}

/** Keyset pagination on (sort value, id): stable under inserts, no OFFSET scans. */
export async function paginate<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  page: PageQueryDto,
  order: KeysetOrder<E>,
): Promise<Page<E>> {
  if (page.cursor) {
    const [sortValue, id] = decodeCursor(page.cursor);
    const op = order.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${order.sortColumn}, ${order.idColumn}) ${op} (:cursorSort, :cursorId)`, { cursorSort: sortValue, cursorId: id });
  }
  const rows = await query
    .orderBy(order.sortColumn, order.direction)
    .addOrderBy(order.idColumn, order.direction)
    .take(page.limit + 1)
    .getMany()
    .catch((error: unknown) => {
      throw page.cursor && isUnreadableValue(error) ? invalidCursor() : error;
    });
  return toPage(rows, page.limit, order.keyOf);
}

// A forged cursor whose values PostgreSQL cannot read as the columns' types (uuid, timestamp, number).
const UNREADABLE_VALUE_CODES = new Set(['22P02', '22007', '22008', '22003']);
const isUnreadableValue = (error: unknown): boolean =>
  error instanceof QueryFailedError && UNREADABLE_VALUE_CODES.has((error.driverError as { code?: string }).code ?? '');
