import type { DatabasePoolSettings } from '@samverka/database';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { ArrayMaxSize, getMetadataStorage, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const toBoolean = ({ value }: { value: unknown }) => (typeof value === 'string' ? ['true', '1', 'yes'].includes(value.toLowerCase()) : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

/**
 * Every setting Samverka reads from the environment, validated once at start. Names match
 * the environment variables so that an error message points at the variable to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Connections each process keeps; instances × this must stay below PostgreSQL's max_connections. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE = 10;

  /** How long a request waits for a connection (a new one, or a free one from a full pool) before it fails with 503. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  /** PostgreSQL cancels a statement that runs (or waits for a lock) longer than this: no request holds a connection for ever. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** PostgreSQL ends a session that sits idle inside an open transaction longer than this, releasing its locks. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @IsString()
  DATA_DIR = './.data';

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((config: AppConfig) => config.ADMIN_EMAIL !== undefined)
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  // Listed last, so it is checked first and a missing value says "required".
  @IsString({ message: 'ADMIN_PASSWORD is required when ADMIN_EMAIL is set' })
  ADMIN_PASSWORD?: string;

  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== undefined)
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  JWT_SECRET?: string;

  /** Unset: seed an empty embedded database, never an external one. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false }, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({ require_tld: false }, { message: 'MAIL_FROM must be an email address' })
  MAIL_FROM = 'samverka@localhost';

  @IsUrl({ require_tld: false }, { message: 'PUBLIC_URL must be a URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(30)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  INVITATION_TTL_SECONDS = 7 * 24 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT = 300;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_WINDOW_SECONDS = 300;

  /** Requests per client address per window to the open data under /api/open, all routes together. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OPEN_RATE_LIMIT = 120;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  OPEN_RATE_LIMIT_WINDOW_SECONDS = 60;

  /** How long browsers and proxies may keep an open-data answer before asking again (with If-None-Match). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  OPEN_DATA_MAX_AGE_SECONDS = 300;

  /** Who publishes this installation's open data: in citations and as the catalogue's publisher. */
  @IsString()
  @MinLength(2, { message: 'INSTALLATION_NAME must name the installation' })
  INSTALLATION_NAME = 'Samverka';

  /** Where questions about the open data go (the catalogue's contact point); MAIL_FROM when unset. */
  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'OPEN_DATA_CONTACT_EMAIL must be an email address' })
  OPEN_DATA_CONTACT_EMAIL?: string;

  /** The largest open-data document an import fetches, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  OPEN_IMPORT_MAX_BYTES = 1024 * 1024;

  /** How long an import may take to fetch one document, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  OPEN_IMPORT_TIMEOUT_MS = 10_000;

  /**
   * For tests only (refused in production): hosts imported from over plain http and on private
   * addresses, such as a second server on 127.0.0.1. Still only when an admin allowed the host.
   */
  @Transform(toList)
  @IsString({ each: true })
  @ArrayMaxSize(0, { message: 'OPEN_IMPORT_INSECURE_HOSTS must not be set in production' })
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production')
  OPEN_IMPORT_INSECURE_HOSTS: string[] = [];
  /** Matching runs with more participants than this are solved by the worker, not inside the request. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  MATCHING_JOB_THRESHOLD = 1000;

  /** For `npm run bench:event-loop`: measure the event loop's delay and log it on SIGUSR2. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'EVENT_LOOP_PROBE must be true or false' })
  EVENT_LOOP_PROBE?: boolean;
  /** After SIGTERM: how long requests in flight may take to finish before the process closes anyway. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;

  /**
   * How long a worker holds the outbox messages it claimed; a worker that dies mid-delivery
   * leaves them to another after this. Longer than the slowest mail server takes to answer.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OUTBOX_LEASE_SECONDS = 60;
  /** Sign-ups on a public form (no account) per address and RATE_LIMIT_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_FORM_RATE_LIMIT = 20;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The demo is a development convenience, on the embedded database unless asked for. */
  get seedsDemo(): boolean {
    return !this.isProduction && (this.SEED_DEMO ?? !this.DATABASE_URL);
  }

  /** The pool and session settings of the app's connections (see data-source.options.ts). */
  get databasePool(): DatabasePoolSettings {
    return {
      size: this.DATABASE_POOL_SIZE,
      connectTimeoutMs: this.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: this.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: this.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    };
  }

  get dataDir(): string {
    return resolve(this.DATA_DIR);
  }

  /** Set after validation: from JWT_SECRET, or generated once and kept under DATA_DIR. */
  jwtSecret: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Samverka cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName));
  const raw = Object.fromEntries(Object.entries(env).filter(([name, value]) => known.has(name) && value !== ''));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length) {
    // One message per variable: the first rule it breaks.
    throw new ConfigError(errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {})[0]}`));
  }
  config.jwtSecret = config.JWT_SECRET ?? developmentSecret(config.dataDir);
  return config;
}

/** Outside production a secret is generated on first start and kept, so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'secrets', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** For entry points: a bad setting ends the process with the list of what to fix, not a stack. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
