import { spawn, type ChildProcess } from 'node:child_process';
import type { TestServer } from './test-server.js';

/** The built worker, on the same database and DATA_DIR as a test server. */
export class TestWorker {
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Resolves with the exit code (or the signal's name) once the worker process has ended. */
  readonly exited: Promise<number | string>;

  /** `env`: extra settings, e.g. a short OUTBOX_LEASE_SECONDS. */
  static async start(server: TestServer, env: Record<string, string> = {}): Promise<TestWorker> {
    const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, LOG_LEVEL: 'info', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new TestWorker(child);
    try {
      await worker.waitFor('worker ready');
    } catch (error) {
      // Not left running: a worker that never became ready would keep the test run from ending.
      await worker.stop();
      throw error;
    }
    return worker;
  }

  /** False once the process has ended, however. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get logs(): string {
    return this.output;
  }

  async stop(): Promise<number | string> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Ends the worker with `signal` (SIGKILL: no chance to finish anything) and waits until it has. */
  async kill(signal: NodeJS.Signals): Promise<number | string> {
    this.child.kill(signal);
    return this.exited;
  }

  private async waitFor(text: string): Promise<void> {
    const until = Date.now() + 30_000;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`the worker exited with ${this.child.exitCode}:\n${this.output}`);
      if (Date.now() > until) throw new Error(`the worker did not log "${text}":\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
