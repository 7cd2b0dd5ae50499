import { dataSourceOptions } from '@samverka/database';
import { queryRows } from './rows.js';
import { DataSource, QueryFailedError, type Logger } from 'typeorm';

/** `queryRows`: a statement outside a transaction goes straight to the pool, yet behaves as TypeORM's `query`. */
describe('queryRows', () => {
  const logged: string[] = [];
  const failed: string[] = [];
  const logger: Logger = {
    logQuery: (sql) => void logged.push(sql),
    logQueryError: (_error, sql) => void failed.push(sql),
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  let dataSource: DataSource;

  beforeAll(async () => {
    // One connection: a statement that kept its connection would leave the next one waiting.
    const options = dataSourceOptions(process.env.SAMVERKA_TEST_DATABASE_URL as string, [], { size: 1, connectTimeoutMs: 2_000, statementTimeoutMs: 5_000, idleInTransactionTimeoutMs: 5_000 });
    dataSource = await new DataSource({ ...options, logger, logging: true }).initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('returns the rows, the statement logged', async () => {
    const sql = 'SELECT n, n * 2 AS "twice" FROM generate_series(1, $1::int) AS n';
    expect(await queryRows(dataSource.manager, sql, [2])).toEqual([
      { n: 1, twice: 2 },
      { n: 2, twice: 4 },
    ]);
    expect(logged).toContain(sql);
  });

  it('throws a failed statement as QueryFailedError with PostgreSQL’s code, logged, and gives its connection back', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const error: unknown = await queryRows(dataSource.manager, `SELECT 'x'::int`).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError).driverError).toMatchObject({ code: '22P02' });
    }
    expect(failed).toContain(`SELECT 'x'::int`);
    expect(await queryRows(dataSource.manager, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('runs inside a transaction on the transaction’s own connection', async () => {
    const seen = await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL application_name = 'inside'`);
      return queryRows<{ name: string }>(manager, `SELECT current_setting('application_name') AS name`);
    });
    expect(seen).toEqual([{ name: 'inside' }]);
    expect(await queryRows(dataSource.manager, `SELECT current_setting('application_name') AS name`)).toEqual([{ name: 'samverka' }]);
  });
});
