/**
 * `npm run bench:event-loop`: a 5,000 × 500 matching run requested through the API, on the
 * built server and worker with their own embedded PostgreSQL, while the API's event-loop delay
 * is measured in the API process (EVENT_LOOP_PROBE, read out on SIGUSR2) and a manager keeps
 * asking for the cohort and its runs, as the matching page does while it waits.
 */
import { cohortReadyForMatching, TestServer, TestWorker, type MatchingCohort } from '@samverka/testing';
import type pg from 'pg';

const PARTICIPANTS = 5_000;
const CHALLENGES = 500;
const SEATS = 10;
const GOAL_MS = 100;

const server = await TestServer.start({ embedded: true, env: { EVENT_LOOP_PROBE: 'true', LOG_LEVEL: 'warn' } });
let worker: TestWorker | undefined;
try {
  process.stdout.write(`event-loop benchmark, node ${process.version}: seeding ${PARTICIPANTS} participants and ${CHALLENGES} challenges…\n`);
  const cohort = await cohortReadyForMatching(server, {
    participants: [{ displayName: 'Deltagare 0', competences: ['k1', 'k2'], themes: ['t1'], sdgs: [4], languages: ['sv'] }],
    challenges: [{ title: 'Utmaning 0', competences: ['k1'], themes: ['t1'], sdgs: [4], languages: ['sv'], seats: SEATS }],
  });
  await grow(server.db, cohort);
  worker = await TestWorker.start(server);

  await eventLoopReport(); // starts the measurement afresh, after the seeding
  const started = performance.now();
  const response = await server.http.post(`/api/cohorts/${cohort.cohortId}/matching-runs`).set(cohort.manager.auth).send({ algorithm: 'optimal' });
  if (response.status !== 202) throw new Error(`expected 202, got ${response.status}: ${response.text}`);
  let slowest = 0;
  let requests = 1;
  for (;;) {
    const asked = performance.now();
    const [runs] = await Promise.all([
      server.http.get(`/api/cohorts/${cohort.cohortId}/matching-runs?limit=20`).set(cohort.manager.auth),
      server.http.get(`/api/cohorts/${cohort.cohortId}`).set(cohort.manager.auth),
    ]);
    slowest = Math.max(slowest, performance.now() - asked);
    requests += 2;
    const run = (runs.body.items as { id: string; status: string; failureCode: string | null }[]).find((item) => item.id === response.body.id);
    if (run?.status === 'failed') throw new Error(`the run failed: ${run.failureCode}`);
    if (run?.status === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const runSeconds = (performance.now() - started) / 1000;
  const { maxMs, p99Ms } = await eventLoopReport();
  // Then the page shows the run: every pair with its explanation, in one response.
  const fetched = performance.now();
  const shown = await server.http.get(`/api/matching-runs/${response.body.id}`).set(cohort.manager.auth);
  const fetchMs = performance.now() - fetched;
  const afterRun = await eventLoopReport();

  const rows: [string, string, string][] = [
    ['API event loop, largest delay during the run', `${maxMs} ms`, `≤ ${GOAL_MS} ms`],
    ['API event loop, 99th percentile', `${p99Ms} ms`, `≤ ${GOAL_MS} ms`],
    [`slowest of ${requests} requests during the run (list of runs + cohort, in parallel)`, `${Math.round(slowest)} ms`, ''],
    [`${PARTICIPANTS} × ${CHALLENGES} optimal run, from the request until it is done (worker)`, `${runSeconds.toFixed(1)} s`, ''],
    [`then GET of the done run (${shown.body.pairs.length} pairs, ${(shown.text.length / 2 ** 20).toFixed(1)} MiB): its time, and the event loop's largest delay`, `${Math.round(fetchMs)} ms`, `${afterRun.maxMs} ms`],
  ];
  for (const [what, figure, goal] of rows) process.stdout.write(`${what.padEnd(84)} ${figure.padStart(9)}  ${goal}\n`);
} finally {
  await worker?.stop();
  await server.stop();
}

/** Asks the API for its event-loop delay since the last report (and to start over). */
async function eventLoopReport(): Promise<{ maxMs: number; p99Ms: number }> {
  const before = server.logs.split('\n').filter((line) => line.includes('"event loop delay"')).length;
  process.kill(server.pid, 'SIGUSR2');
  const until = Date.now() + 5_000;
  for (;;) {
    const reports = server.logs.split('\n').filter((line) => line.includes('"event loop delay"'));
    if (reports.length > before) return (JSON.parse(reports[reports.length - 1]) as { eventLoop: { maxMs: number; p99Ms: number } }).eventLoop;
    if (Date.now() > until) throw new Error(`the API did not report its event loop:\n${server.logs}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Copies the cohort's one challenge and one participant in SQL (the API way would take an
 * hour): challenges and participants with varied competences and themes, all accepted.
 */
async function grow(db: pg.Pool, cohort: MatchingCohort): Promise<void> {
  const [challengeId] = cohort.challengeIds;
  const [participant] = cohort.participants;
  const copy = async (table: string, where: string, overrides: Record<string, string>, from: string, values: unknown[]) => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    );
    const columns = rows.map((row) => row.name).filter((name) => name !== 'id' || 'id' in overrides);
    const select = columns.map((name) => overrides[name] ?? `src.${name}`).join(', ');
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${table} src, ${from} WHERE ${where}`, values);
  };
  const competences = `ARRAY['k' || (g % 60), 'k' || ((g * 7) % 60), 'k' || ((g * 13) % 60)]`;
  const themes = `ARRAY['t' || (g % 20), 't' || ((g * 3) % 20)]`;
  await copy('challenges', 'src.id = $1', { title: `'Utmaning ' || g`, competences, themes, sdgs: `ARRAY[1 + g % 17]` }, `generate_series(1, ${CHALLENGES - 1}) g`, [challengeId]);
  await copy(
    'users',
    'src.id = $1',
    { id: `gen_random_uuid()`, email: `'deltagare-' || g || '@bench.test'`, display_name: `'Deltagare ' || g` },
    `generate_series(1, ${PARTICIPANTS - 1}) g`,
    [participant.userId],
  );
  const people = `(SELECT id AS uid, substring(email FROM 'deltagare-(\\d+)@')::int AS g FROM users WHERE email LIKE 'deltagare-%@bench.test') p`;
  await copy('entrepreneur_profiles', 'src.user_id = $1', { user_id: 'p.uid', competences, themes, sdgs: `ARRAY[1 + g % 17, 1 + (g * 5) % 17]` }, people, [participant.userId]);
  await copy('applications', 'src.id = $1', { id: 'gen_random_uuid()', applicant_id: 'p.uid' }, people, [participant.applicationId]);
}
