import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { OpenApiContract } from './openapi-contract.js';

export const ADMIN = { email: 'admin@samverka.test', password: 'Admin-lösenord-2026' };

export interface TestServerOptions {
  /** Extra environment for the server, e.g. lower rate limits. */
  env?: Record<string, string>;
  /** Reuse this database instead of cloning a fresh one (a restart on the same data). */
  databaseName?: string;
  /** Use this PostgreSQL database (e.g. a server the test started itself) instead of a clone of the template. */
  databaseUrl?: string;
  dataDir?: string;
  /**
   * Run without DATABASE_URL, on the embedded PostgreSQL under `dataDir`, in a process group
   * of its own (so a test can kill -9 the server together with its PostgreSQL).
   */
  embedded?: boolean;
  /** Node's own options for the server process, e.g. `--cpu-prof` (which NODE_OPTIONS may not carry). */
  execArgv?: string[];
}

const EMBEDDED_DATABASE = 'samverka';

/**
 * Samverka exactly as it runs in production (the built app, its pipes, guards and filters),
 * in a child process on a fresh database cloned from the migrated template.
 */
export class TestServer {
  /** An HTTP client whose every response is checked against the served OpenAPI document. */
  http: TestAgent;
  /** Resolves with the exit code (or the signal's name) once the server process has ended. */
  readonly exited: Promise<number | string>;
  private pool?: pg.Pool;
  private output = '';

  private constructor(
    readonly url: string,
    readonly databaseName: string,
    readonly dataDir: string,
    private readonly child: ChildProcess,
    private readonly embedded: boolean,
    private readonly externalUrl?: string,
  ) {
    this.http = request(url);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** The server's database (in embedded mode: its own PostgreSQL). */
  get databaseUrl(): string {
    if (this.externalUrl) return this.externalUrl;
    return this.embedded ? embeddedDatabaseUrl(this.dataDir) : databaseUrl(this.databaseName);
  }

  /** The test's database, for assertions. */
  get db(): pg.Pool {
    this.pool ??= new pg.Pool({ connectionString: this.databaseUrl, max: 4 });
    return this.pool;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** False once the process has ended, however. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const embedded = options.embedded ?? false;
    const databaseName = options.databaseUrl ? new URL(options.databaseUrl).pathname.slice(1) : embedded ? EMBEDDED_DATABASE : (options.databaseName ?? (await cloneTemplate()));
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'samverka-server-'));
    chmodSync(dataDir, 0o755);
    // A free port can be taken by another process before the server binds it: try another then.
    for (let attempt = 1; ; attempt++) {
      const server = TestServer.spawn(options, embedded, databaseName, dataDir, await freePort());
      try {
        await server.waitUntilReady();
      } catch (error) {
        // Not left running: a process that never became ready would keep the test run from ending.
        await server.stop({ keepData: true });
        if (attempt < 3 && server.logs.includes('EADDRINUSE')) continue;
        throw error;
      }
      server.http = checkedAgent(server.url, await contractOf(server.url));
      return server;
    }
  }

  private static spawn(options: TestServerOptions, embedded: boolean, databaseName: string, dataDir: string, port: number): TestServer {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), 'dist/apps/api/src/main.js'], {
      detached: embedded,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        ...(embedded ? {} : { DATABASE_URL: options.databaseUrl ?? databaseUrl(databaseName) }),
        DATA_DIR: dataDir,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT: '100000',
        LOGIN_RATE_LIMIT: '10000',
        OPEN_RATE_LIMIT: '100000',
        PUBLIC_FORM_RATE_LIMIT: '10000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new TestServer(`http://127.0.0.1:${port}`, databaseName, dataDir, child, embedded, options.databaseUrl);
  }

  /** What the server printed: attached to failures to explain them. */
  get logs(): string {
    return this.output;
  }

  /** Waits (bounded) until the server has printed `text`: a log line may follow the response it describes. */
  async waitForLog(text: string, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (Date.now() > until) throw new Error(`the server did not log ${JSON.stringify(text)}:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The .eml files the server wrote under DATA_DIR/mail, oldest first. */
  mails(): string[] {
    const dir = join(this.dataDir, 'mail');
    try {
      return readdirSync(dir)
        .map((file) => join(dir, file))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
        .map((file) => readFileSync(file, 'utf8'));
    } catch {
      return [];
    }
  }

  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await this.closePool();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
    if (!options.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Sends `signal` to the server, or with `group` to its whole process group (embedded mode:
   * the server and its PostgreSQL), and waits for the server process to end.
   */
  async kill(signal: NodeJS.Signals, options: { group?: boolean } = {}): Promise<number | string> {
    await this.closePool();
    if (options.group) {
      if (!this.embedded) throw new Error('only an embedded server has a process group of its own');
      process.kill(-this.pid, signal);
    } else {
      this.child.kill(signal);
    }
    return this.exited;
  }

  private async closePool(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
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

// OPTIONS is CORS's preflight, answered before any operation, so the document does not describe it.
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

let contract: Promise<OpenApiContract> | undefined;
/** One build serves one document: read it once per test file. */
function contractOf(url: string): Promise<OpenApiContract> {
  contract ??= fetch(`${url}/api/docs-json`).then(async (response) => new OpenApiContract((await response.json()) as ConstructorParameters<typeof OpenApiContract>[0]));
  return contract;
}

/** A supertest agent that fails a request whose response the OpenAPI document does not describe. */
function checkedAgent(url: string, openApi: OpenApiContract): TestAgent {
  const agent = request(url);
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !HTTP_METHODS.includes(property)) return value;
      return (path: string) =>
        (value as (path: string) => request.Test).call(target, path).expect((response) => {
          const violations = openApi.violations(property, path, response);
          if (violations.length) throw new Error(`The response breaks the OpenAPI document:\n${violations.join('\n')}`);
        });
    },
  });
}

function databaseUrl(name: string): string {
  const base = process.env.SAMVERKA_TEST_DATABASE_URL;
  if (!base) throw new Error('SAMVERKA_TEST_DATABASE_URL is not set: run the tests with npm test');
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The embedded PostgreSQL records its port on the fourth line of postmaster.pid. */
function embeddedDatabaseUrl(dataDir: string): string {
  const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgres://postgres:samverka-embedded@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
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
