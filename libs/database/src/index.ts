export { launchEmbeddedDatabase, EmbeddedDatabaseError, type EmbeddedDatabase } from './embedded/embedded-postgres.launcher.js';
export { dataSourceOptions, type EntityList, type DatabasePoolSettings } from './data-source.options.js';
export { SnakeNamingStrategy, toSnakeCase } from './snake-naming.strategy.js';
export { migrations } from './migrations/index.js';
export { connectDatabase, type ConnectedDatabase } from './connect.js';
export { runMigrations } from './migrate.js';
