import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@samverka/testing';

/**
 * `npm start` as an operator runs it, twice on one data directory: the first start initialises
 * the embedded PostgreSQL and migrates; the second, with nothing changed, is timed from the
 * command to /health/ready answering 200, its build check included.
 */
export async function coldStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-bench-start-'));
  try {
    await startAndStop(dataDir);
    return await startAndStop(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startAndStop(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // A process group of its own, so that npm, the API, the worker and PostgreSQL stop together.
  const child = spawn('npm', ['start'], { detached: true, stdio: 'ignore', env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn' } });
  const exited = once(child, 'exit');
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // The API stops its PostgreSQL after the worker: wait until the group is gone.
    for (let i = 0; i < 200 && groupAlive(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
