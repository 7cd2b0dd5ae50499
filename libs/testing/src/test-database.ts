import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './test-server.js';

// Runs the built launcher in a process of its own, so that stopping the server is what an
// operator's `systemctl stop postgresql` does: a fast shutdown that ends every session.
const LAUNCH = `
const { launchEmbeddedDatabase } = await import(process.env.LAUNCHER);
const database = await launchEmbeddedDatabase({ dataDir: process.env.DATA_DIR, port: Number(process.env.PORT), stopOnSignals: false });
process.once('SIGTERM', () => database.stop().then(() => process.exit(0)));
process.stdout.write('listening ' + database.url + '\\n');
`;

/**
 * A PostgreSQL server of a test's own (the embedded one, under a directory of its own), for
 * tests that stop and start it; the shared test server must stay up for every other test.
 */
export class TestDatabase {
  private child: ChildProcess | undefined;
  private exited: Promise<unknown> = Promise.resolve();
  url = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** Initialises and starts a fresh server (database `samverka`) on a free port. */
  static async create(): Promise<TestDatabase> {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverka-database-'));
    // As root PostgreSQL runs as the postgres user, which must reach this directory.
    chmodSync(dataDir, 0o755);
    const database = new TestDatabase(dataDir, await freePort());
    await database.start();
    return database;
  }

  /** Starts the server (again) on the same port and data, where its clients look for it. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LAUNCH], {
      env: { PATH: process.env.PATH, DATA_DIR: this.dataDir, PORT: String(this.port), LAUNCHER: pathToFileURL(resolve('dist/libs/database/src/index.js')).href },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    let output = '';
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start:\n${output}`)), 60_000);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /listening (\S+)/.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolveUrl(url);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL's launcher exited with ${code}:\n${output}`));
      });
    });
  }

  /** Stops the server (a fast shutdown: sessions are ended, transactions rolled back) and waits until it is down. */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
    this.child = undefined;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
