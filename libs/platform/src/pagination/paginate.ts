import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, toPage, type CursorKey, type Page } from './cursor.js';
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
    .getMany();
  return toPage(rows, page.limit, order.keyOf);
}
