import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

export const ADMIN = { email: 'admin@samverka.test', password: 'Admin-lösenord-2026' };

export interface TestServerOptions {
  /** Extra environment for the server, e.g. lower rate limits. */
  env?: Record<string, string>;
  /** Reuse this database instead of cloning a fresh one (a restart on the same data). */
  databaseName?: string;
  dataDir?: string;
}

/**
 * Samverka exactly as it runs in production (the built app, its pipes, guards and filters),
 * in a child process on a fresh database cloned from the migrated template.
 */
export class TestServer {
  readonly http: TestAgent;
  readonly db: pg.Pool;
  private output = '';

  private constructor(
    readonly url: string,
    readonly databaseName: string,
    readonly dataDir: string,
    private readonly child: ChildProcess,
  ) {
    this.http = request(url);
    this.db = new pg.Pool({ connectionString: databaseUrl(databaseName), max: 4 });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const databaseName = options.databaseName ?? (await cloneTemplate());
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'samverka-server-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: databaseUrl(databaseName),
        DATA_DIR: dataDir,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT: '100000',
        LOGIN_RATE_LIMIT: '10000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new TestServer(`http://127.0.0.1:${port}`, databaseName, dataDir, child);
    await server.waitUntilReady();
    return server;
  }

  /** What the server printed: attached to failures to explain them. */
  get logs(): string {
    return this.output;
  }

  /** The .eml files the server wrote under DATA_DIR/mail, oldest first. */
  mails(): string[] {
    const dir = join(this.dataDir, 'mail');
    try {
      return readdirSync(dir).sort().map((file) => readFileSync(join(dir, file), 'utf8'));
    } catch {
      return [];
    }
  }

  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await this.db.end();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    if (!options.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilReady(): Promise<void> {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      if (this.child.exitCode !== null) throw new Error(`the server exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server did not become ready:\n${this.output}`);
  }
}

function databaseUrl(name: string): string {
  const base = process.env.SAMVERKA_TEST_DATABASE_URL;
  if (!base) throw new Error('SAMVERKA_TEST_DATABASE_URL is not set: run the tests with npm test');
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function cloneTemplate(): Promise<string> {
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE samverka_template`);
  } finally {
    await client.end();
  }
  return name;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
