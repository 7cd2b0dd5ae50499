import type { Logger as PinoLogger } from 'pino';
import { ClsServiceManager } from 'nestjs-cls';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * At LOG_LEVEL=trace, one line per SQL statement with the request that sent it (`requestId`,
 * the same id as the request's own log line), so a request's queries can be read and counted.
 * The statement's text only: its parameters may hold personal data or secrets.
 */
export class SqlTraceLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}

  logQuery(query: string): void {
    const cls = ClsServiceManager.getClsService();
    this.logger.trace({ requestId: cls.isActive() ? cls.getId() : undefined, sql: query }, 'sql');
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
