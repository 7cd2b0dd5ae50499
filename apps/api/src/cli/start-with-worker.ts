import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: the API, then the worker once the API answers /health/ready (the worker shares
 * the embedded PostgreSQL the API started). On a signal, or when either stops, the worker is
 * stopped first and then the API, whose PostgreSQL the worker was using.
 */
const entry = (app: 'api' | 'worker') => fileURLToPath(new URL(`../../../${app}/src/main.js`, import.meta.url));
const readiness = `http://127.0.0.1:${process.env.PORT ?? 3000}/health/ready`;

const running = (child: ChildProcess | undefined): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;

let worker: ChildProcess | undefined;
let stopping = false;

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of [worker, api]) {
    if (!running(child)) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  process.exit(exitCode);
}

function run(app: 'api' | 'worker'): ChildProcess {
  const child = spawn(process.execPath, [entry(app)], { stdio: 'inherit' });
  child.on('exit', (code) => void stop(code ?? 1));
  return child;
}

/** One readiness check, with node:http: fetch would first load undici, on the CPU the starting API needs. */
const answersReady = () =>
  new Promise<boolean>((resolve) => {
    get(readiness, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false)); // not listening yet
  });

/** Polls the API's readiness rather than its log, which LOG_LEVEL may silence. */
async function apiReady(): Promise<boolean> {
  while (!stopping) {
    // A signal while the check was answered: no worker, which nothing would stop.
    if (await answersReady()) return !stopping;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const api = run('api');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
if (await apiReady()) worker = run('worker');
