import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors.js';

const failed = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('failed'), { code }));

describe('isDatabaseUnavailable', () => {
  it.each([
    ['PostgreSQL shutting down', failed('57P01')],
    ['a statement past statement_timeout', failed('57014')],
    ['too many connections', failed('53300')],
    ['a connection exception', failed('08006')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
    ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
    ['one wrapped as a cause', new Error('the transaction failed', { cause: new Error('Connection terminated unexpectedly') })],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failed('23505')],
    ['an impossible value', failed('22007')],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('leaves %s to the other rules', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
