import { toSnakeCase } from '@samverka/database';
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * The select list of a query written out by hand: each property's snake_case column under the
 * property's own name, so that pg's rows already have the entity's shape (dates, arrays and JSON
 * parsed by the driver) and need no TypeORM hydration. Build it once, into a module-level constant.
 */
export function selectList<E extends ObjectLiteral>(alias: string, properties: readonly (keyof E & string)[]): string {
  return properties
    .map((property) => {
      const column = toSnakeCase(property);
      return column === property ? `${alias}.${column}` : `${alias}.${column} AS "${property}"`;
    })
    .join(', ');
}

/** Runs SQL with TypeORM's `:name` and `:...list` parameters (as access conditions carry them) as pg's positional ones. */
export function queryNamed<R>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<R[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query(text, values);
}

/** Column types (as the driver names them) whose values pg already hands over as TypeORM hydrates them. */
const PLAIN_TYPES = new Set(['uuid', 'text', 'character varying', 'citext', 'character', 'integer', 'smallint', 'boolean', 'jsonb', 'json', 'timestamp with time zone', 'real', 'double precision']);
const PLAIN_ARRAY_TYPES = new Set(['uuid', 'text', 'integer', 'smallint']);

/**
 * The select list (as `selectList`) of every column TypeORM would load of the entity, or null
 * when a row from pg would not already be what TypeORM makes of it (relations, embedded
 * entities, transformers, listeners, other column types). `date` columns are read as text, the
 * string TypeORM gives them.
 */
export function entitySelectList(metadata: EntityMetadata, alias: string): string | null {
  if (metadata.relations.length || metadata.embeddeds.length || metadata.afterLoadListeners.length) return null;
  const driver = metadata.connection.driver;
  const columns = metadata.columns.filter((column) => column.isSelect).map((column) => ({ column, type: driver.normalizeType(column) }));
  const plain = ({ column, type }: { column: ColumnMetadata; type: string }): boolean =>
    !column.transformer && !column.isVirtualProperty && ((column.isArray ? PLAIN_ARRAY_TYPES : PLAIN_TYPES).has(type) || (type === 'date' && !column.isArray));
  if (!columns.every(plain)) return null;
  return columns.map(({ column, type }) => `${alias}.${column.databaseName}${type === 'date' ? '::text' : ''} AS "${column.propertyName}"`).join(', ');
}
