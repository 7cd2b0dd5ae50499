import { toSnakeCase } from '@samverka/database';
import type pg from 'pg';
import { QueryFailedError, type EntityManager, type EntityMetadata, type ObjectLiteral } from 'typeorm';
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

/**
 * One statement's rows, on the manager's transaction if it has one. Outside a transaction the
 * statement goes to TypeORM's pool directly: `manager.query` builds a query runner for every
 * statement, and on `GET /api/me` that was a tenth of the API's allocations (bench:api). As the
 * query runner does, the statement is logged and a failure of the statement (not of getting a
 * connection) is thrown as TypeORM's `QueryFailedError`.
 */
export async function queryRows<R>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<R[]> {
  if (manager.queryRunner) return ((await manager.queryRunner.query(sql, parameters, true)) as { records: R[] }).records;
  const { logger, driver } = manager.connection;
  const client = await (driver as unknown as { master: pg.Pool }).master.connect();
  // A connection that fails while checked out emits its error here (unheard, it would end the
  // process) and must not go back to the pool.
  let broken: Error | undefined;
  const onBroken = (error: Error) => (broken = error);
  client.on('error', onBroken);
  try {
    logger.logQuery(sql, parameters);
    return (await client.query<R & pg.QueryResultRow>(sql, parameters)).rows;
  } catch (error) {
    logger.logQueryError(error as Error, sql, parameters);
    throw new QueryFailedError(sql, parameters, error as Error);
  } finally {
    client.removeListener('error', onBroken);
    client.release(broken);
  }
}

/** Runs SQL with TypeORM's `:name` and `:...list` parameters (as access conditions carry them) as pg's positional ones. */
export function queryNamed<R>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<R[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return queryRows(manager, text, values);
}

/** Column types (as the driver names them) whose values pg already hands over as TypeORM hydrates them. */
const PLAIN_TYPES = new Set(['uuid', 'text', 'character varying', 'citext', 'character', 'integer', 'smallint', 'boolean', 'jsonb', 'json', 'timestamp with time zone', 'real', 'double precision']);
const PLAIN_ARRAY_TYPES = new Set(['uuid', 'text', 'integer', 'smallint']);

/** Whether pg hands this column's values over, and takes them, as TypeORM would. */
function isPlain(column: ColumnMetadata, type: string): boolean {
  return !column.transformer && !column.isVirtualProperty && ((column.isArray ? PLAIN_ARRAY_TYPES : PLAIN_TYPES).has(type) || (type === 'date' && !column.isArray));
}

/** Whether every column of the entity is plain and nothing else (relations, embedded entities, listeners) is about its rows. */
function isPlainEntity(metadata: EntityMetadata): boolean {
  if (metadata.relations.length || metadata.embeddeds.length || metadata.afterLoadListeners.length || metadata.beforeInsertListeners.length) return false;
  const driver = metadata.connection.driver;
  return metadata.columns.filter((column) => column.isSelect || column.isInsert).every((column) => isPlain(column, driver.normalizeType(column)));
}

/**
 * The select list (as `selectList`) of every column TypeORM would load of the entity, or null
 * when a row from pg would not already be what TypeORM makes of it (relations, embedded
 * entities, transformers, listeners, other column types). `date` columns are read as text, the
 * string TypeORM gives them.
 */
export function entitySelectList(metadata: EntityMetadata, alias: string): string | null {
  if (!isPlainEntity(metadata)) return null;
  const driver = metadata.connection.driver;
  return metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => `${alias}.${column.databaseName}${driver.normalizeType(column) === 'date' ? '::text' : ''} AS "${column.propertyName}"`)
    .join(', ');
}

interface InsertPlan {
  table: string;
  columns: { column: ColumnMetadata; json: boolean }[];
  returning: string;
}

const insertPlans = new WeakMap<EntityMetadata, InsertPlan | null>();

function insertPlanOf(metadata: EntityMetadata): InsertPlan | null {
  if (!insertPlans.has(metadata)) {
    const returning = entitySelectList(metadata, 'x');
    const driver = metadata.connection.driver;
    const columns = metadata.columns.filter((column) => column.isInsert && !column.isVirtualProperty && !column.generatedType).map((column) => ({ column, json: ['json', 'jsonb'].includes(driver.normalizeType(column)) }));
    insertPlans.set(metadata, returning === null ? null : { table: metadata.tablePath, columns, returning });
  }
  return insertPlans.get(metadata)!;
}

/**
 * Inserts one record and returns it whole, as loaded, the INSERT written out once per entity:
 * TypeORM's persistence planning and SQL building were a fifth of a created draft's CPU
 * (bench:api). As TypeORM does, a property left undefined takes the column's default and a
 * version column starts at 1. Entities of plain columns only (as `entitySelectList` decides):
 * any other is refused at its first use, to be saved through TypeORM.
 */
export async function insertRow<E extends ObjectLiteral>(manager: EntityManager, entity: new () => E, values: Partial<E>): Promise<E> {
  const plan = insertPlanOf(manager.connection.getMetadata(entity));
  if (!plan) throw new Error(`${entity.name} has more than plain columns: save it through TypeORM`);
  const names: string[] = [];
  const parameters: unknown[] = [];
  for (const { column, json } of plan.columns) {
    const given = (values as Record<string, unknown>)[column.propertyName];
    const value = given === undefined && column.isVersion ? 1 : given;
    if (value === undefined) continue;
    names.push(column.databaseName);
    parameters.push(json && value !== null ? JSON.stringify(value) : value);
  }
  const placeholders = parameters.map((_value, index) => `$${index + 1}`).join(', ');
  const sql = names.length ? `INSERT INTO ${plan.table} AS x (${names.join(', ')}) VALUES (${placeholders}) RETURNING ${plan.returning}` : `INSERT INTO ${plan.table} AS x DEFAULT VALUES RETURNING ${plan.returning}`;
  const [row] = await queryRows<E>(manager, sql, parameters);
  return Object.assign(new entity(), row);
}
