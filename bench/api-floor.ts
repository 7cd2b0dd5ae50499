import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { encodeCursor } from '@samverka/platform';
import type { Statement } from './api/statement-log.js';
import { buildScoreboard, type ScoredReview, type WeightedCriterion } from '../libs/programmes/src/reviewing/scoreboard.js';

/**
 * The floor: the least a Node server must do to answer Samverka's requests. Plain node:http and
 * pg, no framework. For each request it verifies the same HS256 token with the same secret,
 * runs the statements Samverka ran for that request (read from PostgreSQL's statement log by
 * the bench, rate-limit write included) on one connection, and maps the rows to the same JSON
 * by hand. It is given its routes in a JSON file (argv[2]) by `npm run bench:api`.
 */
export interface FloorRoute {
  kind: FloorKind;
  status: number;
  statements: Statement[];
  /** Values in the statements' parameters a new answer must not repeat (a created row's id), each replaced by a fresh one. */
  fresh?: string[];
}

export interface FloorSpec {
  port: number;
  databaseUrl: string;
  poolSize: number;
  jwtSecret: string;
  /** Keyed by `METHOD url`. */
  routes: Record<string, FloorRoute>;
}

type Row = Record<string, unknown>;
export type FloorKind = 'me' | 'challenges' | 'search' | 'applications' | 'draft' | 'scoreboard' | 'report' | 'matching';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as FloorSpec;
/**
 * BENCH_FLOOR_EXTRA_CPU_MS: CPU the floor spends on each request beyond its own, half before its
 * statements and half after, to see how its latency follows Node CPU per request alone.
 */
const EXTRA_CPU_HALF_US = (Number(process.env.BENCH_FLOOR_EXTRA_CPU_MS ?? 0) * 1000) / 2;
const key = createSecretKey(Buffer.from(spec.jwtSecret));
const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: spec.poolSize });

/** HS256 only, signature and expiry checked: what passport-jwt accepts. */
function verify(header: string | undefined): Record<string, unknown> | null {
  if (!header?.startsWith('Bearer ')) return null;
  const [head, body, signature] = header.slice(7).split('.');
  if (!signature) return null;
  const { alg } = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (alg !== 'HS256') return null;
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
  return typeof claims.exp === 'number' && claims.exp > Date.now() / 1000 ? claims : null;
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);
const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

/** A challenge row (columns named as the entity's properties) as the API's ChallengeView. */
function challengeView(c: Row, showContacts: boolean): Row {
  const route = c.routeToAdoption as { needOwner: { role: string } };
  return {
    title: c.title,
    problemStatement: c.problemStatement,
    targetGroup: c.targetGroup,
    desiredOutcome: c.desiredOutcome,
    themes: c.themes,
    sdgs: c.sdgs,
    competences: c.competences,
    languages: c.languages,
    municipalityCode: c.municipalityCode,
    hoursPerWeek: c.hoursPerWeek,
    seats: c.seats,
    testEnvironmentIds: c.testEnvironmentIds,
    routeToAdoption: { ...route, needOwner: showContacts ? route.needOwner : { name: null, role: route.needOwner.role, email: null, phone: null } },
    id: c.id,
    departmentId: c.departmentId,
    state: c.state,
    cohortId: c.cohortId,
    submittedAt: iso(c.submittedAt),
    origin: c.origin,
    version: c.version,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

const LIMIT = 20;
const page = (rows: Row[], view: (row: Row) => Row, keyOf: (row: Row) => [string | number, string]): Row => {
  const items = rows.slice(0, LIMIT);
  return { items: items.map(view), nextCursor: rows.length > LIMIT ? encodeCursor(keyOf(items[items.length - 1])) : null };
};

/** The result of the first statement whose text starts with `text`. */
const resultOf = (results: pg.QueryResult[], statements: Statement[], text: string): Row[] => {
  const index = statements.findIndex((statement) => statement.text.startsWith(text));
  if (index < 0) throw new Error(`no statement starts with ${text}`);
  return results[index].rows as Row[];
};

const SHAPES: Record<FloorKind, (results: pg.QueryResult[], statements: Statement[], body: Row) => unknown> = {
  me(results) {
    const [user] = results[results.length - 1].rows as Row[];
    return { id: user.id, email: user.email, displayName: user.displayName, preferredLanguage: user.preferredLanguage, roles: user.roles, status: user.status, createdAt: iso(user.createdAt) };
  },
  challenges(results, statements) {
    const departments = new Set(resultOf(results, statements, 'SELECT m.department_id').map((row) => row.departmentId));
    return page(results[results.length - 1].rows as Row[], (row) => challengeView(row, departments.has(row.departmentId)), (row) => [iso(row.createdAt) as string, row.id as string]);
  },
  search(results) {
    return page(results[results.length - 1].rows as Row[], (row) => challengeView(row, true), (row) => [row.rank as number, row.id as string]);
  },
  applications(results, statements) {
    const names = new Map(resultOf(results, statements, 'SELECT u.id, u.display_name').map((user) => [user.id, user.displayName]));
    return page(
      resultOf(results, statements, 'SELECT a.id'),
      (a) => ({ id: a.id, cohortId: a.cohortId, applicantId: a.applicantId, applicantName: names.get(a.applicantId) ?? '', state: a.state, answers: a.answers, submittedAt: iso(a.submittedAt), decidedAt: iso(a.decidedAt), decisionNote: a.decisionNote, version: a.version, createdAt: iso(a.createdAt) }),
      (a) => [iso(a.createdAt) as string, a.id as string],
    );
  },
  draft(results, statements) {
    // The INSERT returns the whole row, its columns named as the view's fields.
    const index = statements.findIndex((statement) => /^INSERT INTO "?challenges"? /.test(statement.text));
    const [returned] = results[index].rows as Row[];
    return challengeView(returned, true);
  },
  scoreboard(results, statements) {
    const [cohort] = resultOf(results, statements, 'SELECT x.id');
    const applications = resultOf(results, statements, 'SELECT a.id, a.applicant_id');
    const reviews = resultOf(results, statements, 'SELECT r.application_id') as unknown as ScoredReview[];
    const names = new Map(resultOf(results, statements, 'SELECT u.id, u.display_name').map((user) => [user.id, user.displayName as string]));
    const board = buildScoreboard(applications.map((a) => a.id as string), reviews, cohort.rubric as WeightedCriterion[]);
    const byId = new Map(applications.map((a) => [a.id, a]));
    return {
      cohortId: cohort.id,
      rows: board.rows.map((row) => {
        const application = byId.get(row.applicationId) as Row;
        return { ...row, weightedMean: round(row.weightedMean), spread: round(row.spread), normalisedScore: round(row.normalisedScore), applicantId: application.applicantId, applicantName: names.get(application.applicantId as string) ?? '', state: application.state };
      }),
      reviewers: board.reviewers.map((reviewer) => ({ ...reviewer, reviewerName: names.get(reviewer.reviewerId) ?? '', mean: round(reviewer.mean) ?? 0, spread: round(reviewer.spread) ?? 0 })),
    };
  },
  report(results, statements) {
    return { report: 'funnel', cohortId: statements[statements.length - 1].values?.[0], rows: results[results.length - 1].rows };
  },
  matching() {
    throw new Error('not mapped yet');
  },
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** The process's CPU so far, system time included: asking for it is a system call. */
function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function spendCpu(microseconds: number): void {
  if (!microseconds) return;
  const until = cpuMicroseconds() + microseconds;
  while (cpuMicroseconds() < until) continue;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.url === '/health/ready') return send(response, 200, { status: 'ok' });
  const route = spec.routes[`${request.method} ${request.url}`];
  if (!route) return send(response, 404, { title: 'Not found' });
  if (!verify(request.headers.authorization)) return send(response, 401, { title: 'Unauthenticated' });
  const body = (await readBody(request)) as Row;
  const fresh = new Map((route.fresh ?? []).map((value) => [value, crypto.randomUUID()]));
  spendCpu(EXTRA_CPU_HALF_US);
  const client = await pool.connect();
  const results: pg.QueryResult[] = [];
  try {
    for (const statement of route.statements) {
      const values = statement.values?.map((value) => (value !== null && fresh.has(value) ? fresh.get(value) : value));
      results.push(await client.query(statement.text, values));
    }
    client.release();
    spendCpu(EXTRA_CPU_HALF_US);
  } catch (error) {
    // A connection left inside a failed transaction is not given back.
    client.release(error as Error);
    throw error;
  }
  send(response, route.status, SHAPES[route.kind](results, route.statements, body));
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) send(response, 500, { title: String(error) });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(spec.port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
