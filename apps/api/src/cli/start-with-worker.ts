import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: the API, then the worker once the API has its database ready (the worker
 * shares the embedded PostgreSQL the API started). Signals go to both; if one stops, so
 * does the other.
 */
const entry = (app: 'api' | 'worker') => fileURLToPath(new URL(`../../../${app}/src/main.js`, import.meta.url));

const children: ChildProcess[] = [];
let exitCode = 0;

function stopAll(code: number): void {
  exitCode ||= code;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

function run(app: 'api' | 'worker'): ChildProcess {
  const child = spawn(process.execPath, [entry(app)], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout?.pipe(process.stdout);
  child.on('exit', (code) => stopAll(code ?? 1));
  children.push(child);
  return child;
}

const api = run('api');
api.stdout?.on('data', function startWorkerWhenListening(chunk: Buffer) {
  if (chunk.toString().includes('Samverka listens on')) {
    api.stdout?.off('data', startWorkerWhenListening);
    run('worker');
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
process.on('beforeExit', () => (process.exitCode = exitCode));
