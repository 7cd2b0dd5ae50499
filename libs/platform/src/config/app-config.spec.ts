import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'samverka-config-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig({ DATA_DIR: dataDir, ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('applies the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, CORS_ORIGINS: [], BODY_LIMIT: '1mb', RATE_LIMIT: 300 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.seedsDemo).toBe(true);
    expect(config.dataDir).toBe(dataDir);
  });

  it('gives the database pool its size and timeouts', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).databasePool).toEqual({ size: 10, connectTimeoutMs: 5000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 });
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_POOL_SIZE: '4', DATABASE_STATEMENT_TIMEOUT_MS: '2000' });
    expect(config.databasePool).toMatchObject({ size: 4, statementTimeoutMs: 2000 });
    expect(problemsOf({ DATABASE_POOL_SIZE: '0', SHUTDOWN_GRACE_MS: 'soon' }).map((problem) => problem.split(':')[0]).sort()).toEqual(['DATABASE_POOL_SIZE', 'SHUTDOWN_GRACE_MS']);
  });

  it('converts numbers, booleans and lists from their text', () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '8080', SEED_DEMO: 'false', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'abc', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', BODY_LIMIT: 'huge', ADMIN_EMAIL: 'admin@samverka.test' });
    const variables = problems.map((problem) => problem.split(':')[0]).sort();
    expect(variables).toEqual(expect.arrayContaining(['ADMIN_PASSWORD', 'BODY_LIMIT', 'DATABASE_URL', 'NODE_ENV', 'PORT']));
  });

  it('seeds the demo on the embedded database by default, never in production, and on request elsewhere', () => {
    const external = 'postgres://samverka@db.example.org/samverka';
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: external }).seedsDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: external, SEED_DEMO: 'true' }).seedsDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' }).seedsDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-enough-length' }).seedsDemo).toBe(false);
  });

  it('requires a long JWT_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('JWT_SECRET: JWT_SECRET is required when NODE_ENV=production');
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toEqual(['JWT_SECRET: JWT_SECRET must be at least 32 characters']);
    const secret = 'a-production-secret-of-enough-length';
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('refuses the test-only insecure import hosts in production, and reads them as a list elsewhere', () => {
    const secret = 'a-production-secret-of-enough-length';
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret, OPEN_IMPORT_INSECURE_HOSTS: '127.0.0.1' })).toEqual([
      'OPEN_IMPORT_INSECURE_HOSTS: OPEN_IMPORT_INSECURE_HOSTS must not be set in production',
    ]);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', OPEN_IMPORT_INSECURE_HOSTS: '127.0.0.1, localhost' }).OPEN_IMPORT_INSECURE_HOSTS).toEqual(['127.0.0.1', 'localhost']);
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: secret }).OPEN_IMPORT_INSECURE_HOSTS).toEqual([]);
  });

  it('outside production generates a secret under DATA_DIR once and keeps it', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'secrets', 'jwt-secret');
    expect(existsSync(file)).toBe(true);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATA_DIR: dataDir, PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });
});
