import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { migrations } from './migrations/index.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** How the app's pool behaves when PostgreSQL is slow, busy or gone (AppConfig's DATABASE_* settings). */
export interface DatabasePoolSettings {
  size: number;
  /** Waiting for a connection, new or from a full pool, fails after this: a request answers 503 instead of hanging. */
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/**
 * One place that says how Samverka talks to PostgreSQL; the schema only changes through
 * migrations. Without `pool` (migrations, command-line tools) statements may take as long as
 * they need.
 */
export function dataSourceOptions(url: string, entities: EntityList, pool?: DatabasePoolSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: pool?.size ?? 10,
      application_name: 'samverka',
      ...(pool && {
        connectionTimeoutMillis: pool.connectTimeoutMs,
        // Sent as session settings at connect: PostgreSQL itself ends a runaway statement or an abandoned transaction.
        statement_timeout: pool.statementTimeoutMs,
        idle_in_transaction_session_timeout: pool.idleInTransactionTimeoutMs,
        // A server that vanished without closing the socket (a cut network) is noticed, not waited on.
        keepAlive: true,
      }),
    },
  };
}
