import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, registerEntrepreneur, TestServer, type Session } from '@samverka/testing';

// Without DATABASE_URL Samverka runs its own PostgreSQL under DATA_DIR. These tests start the
// real server that way and stop or crash it the ways an operator's machine would.
const EMBEDDED = { embedded: true, env: { LOG_LEVEL: 'info' } } as const;

/** The PIDs of PostgreSQL processes serving the cluster under `dataDir`. */
function postgresProcessesOf(dataDir: string): number[] {
  const clusterDir = join(dataDir, 'postgres');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(clusterDir);
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

const isAlive = (pid: number): boolean => existsSync(`/proc/${pid}`);

/** A copy of a stopped installation, so each test crashes its own. `cp -a` keeps PostgreSQL's ownership. */
function copyOf(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'samverka-embedded-'));
  const result = spawnSync('cp', ['-a', `${dataDir}/.`, copy]);
  if (result.status !== 0) throw new Error(`copying ${dataDir} failed: ${String(result.stderr)}`);
  return copy;
}

describe('embedded PostgreSQL under DATA_DIR', () => {
  let installation: string;
  let entrepreneur: Session;
  let firstStartLogs: string;
  let firstExit: number | string;
  const started: TestServer[] = [];

  const start = async (dataDir: string): Promise<TestServer> => {
    const server = await TestServer.start({ ...EMBEDDED, dataDir });
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    installation = mkdtempSync(join(tmpdir(), 'samverka-embedded-'));
    const server = await start(installation);
    entrepreneur = await registerEntrepreneur(server);
    firstExit = await server.kill('SIGTERM');
    firstStartLogs = server.logs;
  });

  afterEach(async () => {
    const servers = started.splice(0).reverse();
    for (const server of servers) await server.stop({ keepData: true });
    for (const dataDir of new Set(servers.map((server) => server.dataDir))) {
      if (dataDir !== installation) rmSync(dataDir, { recursive: true, force: true });
    }
  });

  afterAll(() => rmSync(installation, { recursive: true, force: true }));

  it('initialises PostgreSQL on first start and stops it cleanly on SIGTERM', () => {
    expect(firstStartLogs).toContain('initialising the embedded PostgreSQL');
    expect(firstExit).toBe(0);
    expect(existsSync(join(installation, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(installation, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(postgresProcessesOf(installation)).toEqual([]);
  });

  it('reuses the database on the next start: the data survives, and SIGINT stops it cleanly', async () => {
    const dataDir = copyOf(installation);
    const server = await start(dataDir);
    expect(server.logs).not.toContain('initialising the embedded PostgreSQL');
    await login(server, entrepreneur.email, entrepreneur.password);

    expect(await server.kill('SIGINT')).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(postgresProcessesOf(dataDir)).toEqual([]);
  });

  it('starts again after kill -9 of the whole process group left a stale postmaster.pid', async () => {
    const dataDir = copyOf(installation);
    const crashed = await start(dataDir);
    await crashed.kill('SIGKILL', { group: true });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const server = await start(dataDir);
    await login(server, entrepreneur.email, entrepreneur.password);
  });

  it('stops the orphaned PostgreSQL left by kill -9 of only the server, then starts again', async () => {
    const dataDir = copyOf(installation);
    const crashed = await start(dataDir);
    await crashed.kill('SIGKILL');
    const [orphan] = postgresProcessesOf(dataDir).sort((a, b) => a - b);
    expect(orphan).toBeDefined();

    const server = await start(dataDir);
    expect(server.logs).toContain(`stopping an orphaned embedded PostgreSQL (pid ${orphan})`);
    expect(isAlive(orphan)).toBe(false);
    await login(server, entrepreneur.email, entrepreneur.password);
  });

  it('lets a second Samverka on the same DATA_DIR share the running server instead of corrupting it', async () => {
    const dataDir = copyOf(installation);
    const first = await start(dataDir);
    const second = await start(dataDir);
    expect(second.logs).toContain('sharing the embedded PostgreSQL started by process');

    const newcomer = await registerEntrepreneur(first);
    await login(second, newcomer.email, newcomer.password);

    expect(await second.kill('SIGTERM')).toBe(0);
    await first.http.get('/health/ready').expect(200);
    await login(first, entrepreneur.email, entrepreneur.password);
  });
});
