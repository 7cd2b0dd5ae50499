import PgBoss from 'pg-boss';
import type { TestServer } from './test-server.js';
import type { TestWorker } from './test-worker.js';

const WAIT_MS = 20_000;

/** Polls `check` until it holds (bounded): for work a separate process does in its own time. */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until a running worker has delivered everything in the outbox. */
export async function untilOutboxDrained(server: TestServer): Promise<void> {
  await waitUntil(async () => (await server.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE delivered_at IS NULL`)).rows[0].n === 0, 'the outbox to drain');
}

const runsOf = (worker: TestWorker, queue: string): number =>
  worker.logs.split('\n').filter((line) => line.includes(`"job":"${queue}"`) && line.includes('scheduled job done')).length;

/** Runs a scheduled job now, as its schedule would, and waits until the worker has finished it. */
export async function runScheduledJob(server: TestServer, worker: TestWorker, queue: string): Promise<void> {
  const url = new URL(process.env.SAMVERKA_TEST_DATABASE_URL as string);
  url.pathname = `/${server.databaseName}`;
  const boss = new PgBoss({ connectionString: url.toString(), schema: 'pgboss', migrate: false });
  const before = runsOf(worker, queue);
  try {
    await boss.start();
    await boss.send(queue, {});
    await waitUntil(() => runsOf(worker, queue) > before, `the ${queue} job`);
  } finally {
    await boss.stop({ graceful: false });
  }
}
