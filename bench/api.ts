import { launchEmbeddedDatabase } from '@samverka/database';
import { completeChallengeContent, freePort, TestServer } from '@samverka/testing';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { coldStart } from './api/cold-start.js';
import type { FloorKind, FloorRoute, FloorSpec } from './api-floor.js';
import { cpuMs, postgresPids, residentMiB } from './api/proc.js';
import { seedInstallation } from './api/seed.js';
import { StatementLog, type Statement } from './api/statement-log.js';

/**
 * Samverka's everyday requests under load, side by side with a floor: a bare node:http + pg
 * server in bench/api/floor.ts that verifies the same token and runs the statements Samverka
 * ran for the same request (read from PostgreSQL's statement log), mapping rows to the same
 * JSON by hand. Both run on one seeded embedded PostgreSQL; autocannon loads them in
 * alternating rounds, so load from elsewhere on the machine falls on both alike and the
 * ratio holds. Then resident memory idle and after the load, and the cold start of `npm start`.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = [16, 64];
/** BENCH_ONLY=me,draft measures only those kinds (for a quick before and after). */
const ONLY = process.env.BENCH_ONLY?.split(',');
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const POOL_SIZE = 10;
const GOAL_THROUGHPUT = 0.7;
const GOAL_P99 = 1.5;
/** V8 gives memory back once a process has been quiet for a while. */
const SETTLE_MS = 30_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

interface BenchRequest {
  what: string;
  kind: FloorKind;
  method: 'GET' | 'POST';
  path: string;
  auth: { Authorization: string };
  body?: unknown;
  /** Takes tens of milliseconds of CPU: measured in longer rounds. */
  heavy?: true;
  /** Not served by the floor, which would have to score and solve the cohort as the matching engine does: Samverka's figures only. */
  floorless?: true;
}

interface Round {
  rps: number;
  p99: number;
  requests: number;
  nodeMs: number;
  postgresMs: number;
  failures: number;
}

const statementLog = new StatementLog();
const dataDir = mkdtempSync(join(tmpdir(), 'samverka-bench-api-'));
const database = await launchEmbeddedDatabase({ dataDir, log: statementLog.append, stopOnSignals: false });
process.env.SAMVERKA_TEST_DATABASE_URL = database.url;
const admin = new pg.Pool({ connectionString: database.url, max: 2 });
const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
let floor: ChildProcess | undefined;
const server = await TestServer.start({
  databaseName: 'samverka',
  // Far above the load, so that no round is answered with 429s (the floor writes the same counters).
  env: {
    DATABASE_URL: database.url,
    JWT_SECRET,
    RATE_LIMIT: '100000000',
    LOG_LEVEL: 'info',
  },
  // BENCH_PROFILE=dir: a CPU profile of Samverka under the load, written there when it stops.
  execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
});
try {
  const installation = await seedInstallation(server);
  const manager = installation.manager.auth;
  const cohort = `/api/cohorts/${installation.cohortId}`;
  const requests = ([
    { what: 'GET /api/challenges?limit=20 (member)', kind: 'challenges', method: 'GET', path: '/api/challenges?limit=20', auth: installation.member.auth },
    { what: 'GET /api/challenges?q=skolor&limit=20 (manager)', kind: 'search', method: 'GET', path: '/api/challenges?q=skolor&limit=20', auth: manager },
    { what: 'GET /api/cohorts/:id/applications?limit=20', kind: 'applications', method: 'GET', path: `${cohort}/applications?limit=20`, auth: manager },
    { what: 'GET /api/me', kind: 'me', method: 'GET', path: '/api/me', auth: installation.member.auth },
    { what: 'POST /api/challenges (draft)', kind: 'draft', method: 'POST', path: '/api/challenges', auth: installation.member.auth, body: { departmentId: installation.departmentId, ...completeChallengeContent() } },
    { what: 'GET /api/cohorts/:id/scoreboard (520)', kind: 'scoreboard', method: 'GET', path: `${cohort}/scoreboard`, auth: manager, heavy: true },
    { what: 'GET /api/cohorts/:id/reports/funnel', kind: 'report', method: 'GET', path: `${cohort}/reports/funnel`, auth: manager },
    { what: 'POST /api/cohorts/:id/matching-runs (200 × 20)', kind: 'matching', method: 'POST', path: `${cohort}/matching-runs`, auth: manager, body: { algorithm: 'optimal' }, floorless: true, heavy: true },
  ] satisfies BenchRequest[] as BenchRequest[]).filter((request) => !ONLY || ONLY.includes(request.kind));

  // One request of each kind with the statement log on: what Samverka ran, and its status.
  const routes: Record<string, FloorRoute> = {};
  for (const request of requests) {
    if (request.floorless) continue;
    let status = 0;
    const statements = await statementLog.capture(admin, async () => {
      const response = await send(server.url, request);
      status = response.status;
      await response.arrayBuffer();
    });
    routes[`${request.method} ${request.path}`] = { kind: request.kind, status, statements, fresh: freshValues(request, statements) };
  }

  const floorPort = await freePort();
  const specFile = join(dataDir, 'floor.json');
  writeFileSync(specFile, JSON.stringify({ port: floorPort, databaseUrl: database.url, poolSize: POOL_SIZE, jwtSecret: JWT_SECRET, routes } satisfies FloorSpec));
  floor = spawn(process.execPath, [new URL('./api-floor.js', import.meta.url).pathname, specFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  const floorUrl = `http://127.0.0.1:${floorPort}`;
  await waitUntilReady(floorUrl);

  // Each request to Samverka and then to the floor, so that both answer on the same data.
  const sameAnswers = new Map<BenchRequest, string>();
  for (const request of requests) {
    if (request.floorless) continue;
    const samverka = await send(server.url, request);
    const samverkaAnswer = { status: samverka.status, body: await samverka.text() };
    const floorAnswer = await send(floorUrl, request);
    sameAnswers.set(request, compareAnswers(samverkaAnswer, { status: floorAnswer.status, body: await floorAnswer.text() }));
  }

  const idleMiB = residentMiB(server.pid);
  const floorIdleMiB = residentMiB(floor.pid!);
  const rows: string[][] = [];
  for (const request of requests) {
    for (const connections of CONNECTIONS) {
      const samverka: Round[] = [];
      const bare: Round[] = [];
      // A short warm-up of each, then alternating rounds.
      await load(server.url, request, connections, 1, server.pid);
      if (!request.floorless) await load(floorUrl, request, connections, 1, floor.pid!);
      for (let round = 0; round < ROUNDS; round++) {
        samverka.push(await load(server.url, request, connections, SECONDS, server.pid));
        if (!request.floorless) bare.push(await load(floorUrl, request, connections, SECONDS, floor.pid!));
      }
      const s = summary(samverka);
      if (request.floorless) {
        rows.push([request.what, String(connections), s.rps.toFixed(0), '—', '—', `${s.p99.toFixed(0)} ms`, '—', s.nodeMs.toFixed(2), '—', s.postgresMs.toFixed(2), '—', '—', '—', s.failures ? `${s.failures} failed` : '']);
        console.error(rows[rows.length - 1].join(' | '));
        continue;
      }
      const f = summary(bare);
      const ratio = s.rps / f.rps;
      const met = ratio >= GOAL_THROUGHPUT && s.p99 <= GOAL_P99 * f.p99;
      rows.push([request.what, String(connections), s.rps.toFixed(0), f.rps.toFixed(0), ratio.toFixed(2), `${s.p99.toFixed(0)} ms`, `${f.p99.toFixed(0)} ms`, s.nodeMs.toFixed(2), f.nodeMs.toFixed(2), s.postgresMs.toFixed(2), f.postgresMs.toFixed(2), sameAnswers.get(request)!, met ? 'met' : 'MISSED', s.failures + f.failures ? `${s.failures}/${f.failures} failed` : '']);
      console.error(rows[rows.length - 1].join(' | '));
    }
  }
  const loadedMiB = residentMiB(server.pid);
  // Let the collector and the allocator settle, as an idle server would after the load.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const settledMiB = residentMiB(server.pid);

  printTable(['request', 'connections', 'Samverka req/s', 'floor req/s', 'ratio', 'Samverka p99', 'floor p99', 'Node CPU ms/req', 'floor CPU ms/req', 'PostgreSQL CPU ms/req (Samverka)', 'PostgreSQL CPU ms/req (floor)', 'same answer', 'goal', ''], rows);
  console.log(`\nResident memory of Samverka: ${idleMiB.toFixed(0)} MiB idle, ${loadedMiB.toFixed(0)} MiB right after the load, ${settledMiB.toFixed(0)} MiB ${SETTLE_MS / 1000} s later (goal: within 50 % of idle, ${(idleMiB * 1.5).toFixed(0)} MiB): ${settledMiB <= idleMiB * 1.5 ? 'met' : 'MISSED'}`);
  console.log(`Resident memory of the floor: ${floorIdleMiB.toFixed(0)} MiB idle, ${residentMiB(floor.pid!).toFixed(0)} MiB after the load`);
  const start = await coldStart();
  console.log(`npm start with nothing changed, to /health/ready: ${start.toFixed(0)} ms (goal: under 2,000 ms): ${start < 2_000 ? 'met' : 'MISSED'}`);
} finally {
  floor?.kill('SIGTERM');
  await server.stop();
  await admin.end();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function send(base: string, request: BenchRequest): Promise<Response> {
  const headers: Record<string, string> = { ...request.auth };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${request.path}`, { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
}

/**
 * Ids a created row must not share with the one captured: the audit event's id and request id
 * and the created entity's id. Everything else the floor sends as captured.
 */
function freshValues(request: BenchRequest, statements: Statement[]): string[] {
  if (request.method !== 'POST') return [];
  const audit = statements.find((statement) => /^INSERT INTO "?audit_events"? /.test(statement.text));
  return audit?.values ? [audit.values[0], audit.values[4], audit.values[7]].filter((value): value is string => !!value) : [];
}


/** "same" when the bytes agree; a created row's ids and times necessarily differ, so those are compared by shape. */
function compareAnswers(samverka: { status: number; body: string }, floorAnswer: { status: number; body: string }): string {
  if (samverka.status !== floorAnswer.status) return `status ${floorAnswer.status}`;
  if (samverka.body === floorAnswer.body) return 'same bytes';
  const masked = (body: string) => body.replace(UUID, 'id').replace(TIMESTAMP, 'time');
  if (masked(samverka.body) === masked(floorAnswer.body)) return 'same but ids';
  writeFileSync(join(tmpdir(), `bench-api-${Date.now()}-samverka.json`), samverka.body);
  writeFileSync(join(tmpdir(), `bench-api-${Date.now()}-floor.json`), floorAnswer.body);
  return `DIFFERENT (${samverka.body.length}/${floorAnswer.body.length} B)`;
}

async function load(url: string, request: BenchRequest, connections: number, seconds: number, pid: number): Promise<Round> {
  const before = { node: cpuMs(pid), postgres: new Map(postgresPids(postmaster).map((p) => [p, cpuMs(p)])) };
  const result = await autocannon({
    url: `${url}${request.path}`,
    method: request.method,
    headers: { ...request.auth, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    connections,
    // The heavy requests take seconds each at 64 connections: their rounds last long enough to finish many.
    duration: request.heavy ? seconds * 3 : seconds,
  });
  // Per backend: one that started during the round counts whole, one that ended is lost (pools keep theirs).
  const postgresMs = postgresPids(postmaster).reduce((sum, p) => sum + cpuMs(p) - (before.postgres.get(p) ?? 0), 0);
  const after = { node: cpuMs(pid) };
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    requests,
    nodeMs: (after.node - before.node) / requests,
    postgresMs: postgresMs / requests,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function summary(rounds: Round[]): Round {
  const mean = (pick: (round: Round) => number) => rounds.reduce((sum, round) => sum + pick(round), 0) / rounds.length;
  return { rps: mean((r) => r.rps), p99: mean((r) => r.p99), requests: mean((r) => r.requests), nodeMs: mean((r) => r.nodeMs), postgresMs: mean((r) => r.postgresMs), failures: rounds.reduce((sum, r) => sum + r.failures, 0) };
}

async function waitUntilReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not become ready`);
}

function printTable(header: string[], rows: string[][]): void {
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
