/**
 * What an entry point needs before the app's modules load (settings and the log), so that it
 * can start PostgreSQL first: the package index loads Nest, TypeORM and every module.
 */
export { AppConfig, ConfigError, loadConfig, loadConfigOrExit } from './config/app-config.js';
export { createLogger, PinoNestLogger } from './logging/logger.js';
