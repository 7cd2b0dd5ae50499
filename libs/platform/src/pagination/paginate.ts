import { QueryFailedError, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Condition } from '../access/conditions.js';
import { queryNamed } from '../database/rows.js';
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
  const after = afterCursor(page, order);
  if (after) query.andWhere(after.sql, after.params);
  const rows = await query
    .orderBy(order.sortColumn, order.direction)
    .addOrderBy(order.idColumn, order.direction)
    .take(page.limit + 1)
    .getMany()
    .catch(cursorError(page));
  return toPage(rows, page.limit, order.keyOf);
}

/**
 * `paginate` for a SELECT written out by hand (`select`: its text up to the WHERE, a
 * module-level constant, whose columns are named as the row type's properties) narrowed by
 * `where` (conditions with `:named` parameters, as access rules give them). The hot lists use
 * it in place of a query builder: TypeORM's SQL building and row-to-entity hydration were 12 to
 * 15 % of a list request's CPU (bench:api's profile).
 */
export async function paginateRows<R extends ObjectLiteral>(
  manager: EntityManager,
  select: string,
  where: readonly Condition[],
  page: PageQueryDto,
  order: KeysetOrder<R>,
): Promise<Page<R>> {
  const after = afterCursor(page, order);
  const conditions = after ? [...where, after] : where;
  const sql = `${select} WHERE ${conditions.map((condition) => `(${condition.sql})`).join(' AND ')}
    ORDER BY ${order.sortColumn} ${order.direction}, ${order.idColumn} ${order.direction} LIMIT ${page.limit + 1}`;
  const rows = await queryNamed<R>(manager, sql, Object.assign({}, ...conditions.map((condition) => condition.params))).catch(cursorError(page));
  return toPage(rows, page.limit, order.keyOf);
}

/** The rows after the cursor's (sort value, id), in the order's direction. */
function afterCursor<E>(page: PageQueryDto, order: KeysetOrder<E>): Condition | null {
  if (!page.cursor) return null;
  const [sortValue, id] = decodeCursor(page.cursor);
  const op = order.direction === 'ASC' ? '>' : '<';
  return { sql: `(${order.sortColumn}, ${order.idColumn}) ${op} (:cursorSort, :cursorId)`, params: { cursorSort: sortValue, cursorId: id } };
}

// A forged cursor whose values PostgreSQL cannot read as the columns' types (uuid, timestamp, number).
const UNREADABLE_VALUE_CODES = new Set(['22P02', '22007', '22008', '22003']);
const cursorError =
  (page: PageQueryDto) =>
  (error: unknown): never => {
    throw page.cursor && error instanceof QueryFailedError && UNREADABLE_VALUE_CODES.has((error.driverError as { code?: string }).code ?? '') ? invalidCursor() : error;
  };
