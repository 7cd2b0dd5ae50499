import { plainToInstance, Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
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
