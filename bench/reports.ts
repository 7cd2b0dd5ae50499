import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEmbeddedDatabase, runMigrations } from '@samverka/database';
import { REPORT_NAMES, REPORTS, type ReportName, type ReportRow } from '@samverka/impact';
import pg from 'pg';
import { pino } from 'pino';

/**
 * The cohort reports on a programme of 50 cohorts, 5,000 participants and 50,000 learning
 * entries, seeded with SQL into a fresh embedded database. Per report: the first run (cold
 * plan and cache) and the median of warm runs, beside two comparisons: the same query without
 * the indexes it finds a cohort's rows by, and, for the two heaviest reports, the naive way of
 * loading the cohort's rows into Node and aggregating there (whose answers must agree).
 */
const COHORTS = 50;
const ACCEPTED_PER_COHORT = 100;
const REJECTED_PER_COHORT = 20;
const TRACKS_PER_COHORT = 90;
const CHALLENGES_PER_COHORT = 25;
const DEPARTMENTS = 5;
const LEARNINGS = 50_000;
const MEASUREMENTS_PER_TRACK = 2;
const WARM_RUNS = 25;
const TAGS = Array.from({ length: 60 }, (_, i) => `tagg ${i + 1}`);
const KINDS = ['insight', 'obstacle', 'enabler', 'method'];
const OUTCOMES = ['adopted_by_department', 'continued_as_venture', 'procured', 'stopped_with_lessons', 'other'];
const PATH = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated'];
/** The indexes the reports find a cohort's rows by, dropped for one comparison to show what they are worth. */
const COHORT_INDEXES = ['applications_cohort_state_idx', 'matches_cohort_idx', 'tracks_cohort_idx', 'track_stage_history_track_idx', 'track_learnings_track_idx', 'impact_measurements_participant_idx'];

/** A seeded generator, so every run measures the same data. */
let seed = 20_261_123;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(items)))];
const pgArray = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;
const days = (from: Date, n: number): Date => new Date(from.getTime() + n * 86_400_000);

/** Inserts rows column-wise through unnest, a few thousand at a time; every value goes as text and is cast to its column's type. */
async function insert(db: pg.Pool, table: string, columns: Record<string, string>, rows: unknown[][]): Promise<void> {
  const names = Object.keys(columns);
  const arrays = names.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const casts = names.map((name, i) => `u.c${i}::${columns[name]}`).join(', ');
  for (let start = 0; start < rows.length; start += 5_000) {
    const chunk = rows.slice(start, start + 5_000);
    const values = names.map((_, i) => chunk.map((row) => (row[i] === null ? null : String(row[i]))));
    await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${casts} FROM unnest(${arrays}) AS u(${names.map((_, i) => `c${i}`).join(', ')})`, values);
  }
}

async function seedProgramme(db: pg.Pool): Promise<string[]> {
  const programmeId = randomUUID();
  await db.query(`INSERT INTO programmes (id, name) VALUES ($1, 'Benchmark')`, [programmeId]);
  const cohortIds = Array.from({ length: COHORTS }, () => randomUUID());
  await insert(db, 'cohorts', { id: 'uuid', programme_id: 'uuid', name: 'text', application_opens_at: 'timestamptz', application_closes_at: 'timestamptz', seats: 'int', state: 'text' },
    cohortIds.map((id, i) => [id, programmeId, `Kohort ${i + 1}`, '2025-01-01', '2025-02-01', ACCEPTED_PER_COHORT, 'running']));
  const departmentIds = Array.from({ length: DEPARTMENTS }, () => randomUUID());
  await insert(db, 'departments', { id: 'uuid', name: 'text', organisation: 'text', municipality_code: 'text' }, departmentIds.map((id, i) => [id, `Förvaltning ${i + 1}`, 'Benchmark stad', '1283']));

  const users: unknown[][] = [];
  const profiles: unknown[][] = [];
  const applications: unknown[][] = [];
  const challenges: unknown[][] = [];
  const runs: unknown[][] = [];
  const matches: unknown[][] = [];
  const tracks: unknown[][] = [];
  const history: unknown[][] = [];
  const trackIds: string[] = [];
  for (const [c, cohortId] of cohortIds.entries()) {
    const cohortChallenges = Array.from({ length: CHALLENGES_PER_COHORT }, (_, i) => ({ id: randomUUID(), departmentId: departmentIds[i % DEPARTMENTS] }));
    for (const challenge of cohortChallenges) {
      challenges.push([challenge.id, challenge.departmentId, 'Utmaning', pgArray(some([1, 3, 4, 5, 10, 11, 13, 16], 3)), 4, '{}', pick(['approved', 'matched', 'in_test', 'completed']), cohortId]);
    }
    const runId = randomUUID();
    runs.push([runId, cohortId, 'optimal', '{}', '{}', 'bench', '{}']);
    for (let p = 0; p < ACCEPTED_PER_COHORT + REJECTED_PER_COHORT; p++) {
      const userId = randomUUID();
      users.push([userId, `p${c}-${p}@bench.test`, `Deltagare ${c}-${p}`, '{entrepreneur}']);
      profiles.push([userId, 'social_entrepreneur', pgArray(some([1, 2, 3, 4, 5, 8, 10, 11, 13, 17], 3))]);
      applications.push([randomUUID(), cohortId, userId, p < ACCEPTED_PER_COHORT ? 'accepted' : 'rejected', '2025-01-15']);
      if (p >= TRACKS_PER_COHORT) continue;
      const challenge = cohortChallenges[p % CHALLENGES_PER_COHORT];
      const matchId = randomUUID();
      const trackId = randomUUID();
      matches.push([matchId, runId, cohortId, challenge.id, challenge.departmentId, userId, 0.5, '{}', 'confirmed']);
      const reached = Math.floor(random() * PATH.length);
      const discontinued = reached < 4 && random() < 0.15;
      const stage = discontinued ? 'discontinued' : PATH[reached];
      let at = new Date('2025-03-01T09:00:00Z');
      for (const step of [...PATH.slice(0, reached + 1), ...(discontinued ? ['discontinued'] : [])]) {
        history.push([randomUUID(), trackId, step, at.toISOString()]);
        at = days(at, 1 + Math.floor(random() * 60));
      }
      const graduated = stage === 'graduated';
      tracks.push([trackId, matchId, cohortId, challenge.id, challenge.departmentId, userId, stage, graduated ? '2025-12-01' : null, graduated ? pick(OUTCOMES) : null, graduated ? 'Sammanfattning' : null, discontinued ? 'Skäl' : null]);
      trackIds.push(trackId);
    }
  }
  await insert(db, 'users', { id: 'uuid', email: 'citext', display_name: 'text', roles: 'text[]' }, users);
  await insert(db, 'entrepreneur_profiles', { user_id: 'uuid', kind: 'text', sdgs: 'smallint[]' }, profiles);
  await insert(db, 'applications', { id: 'uuid', cohort_id: 'uuid', applicant_id: 'uuid', state: 'text', submitted_at: 'timestamptz' }, applications);
  await insert(db, 'challenges', { id: 'uuid', department_id: 'uuid', title: 'text', sdgs: 'smallint[]', seats: 'int', route_to_adoption: 'jsonb', state: 'text', cohort_id: 'uuid' }, challenges);
  await insert(db, 'matching_runs', { id: 'uuid', cohort_id: 'uuid', algorithm: 'text', parameters: 'jsonb', input: 'jsonb', engine_version: 'text', result: 'jsonb' }, runs);
  await insert(db, 'matches', { id: 'uuid', run_id: 'uuid', cohort_id: 'uuid', challenge_id: 'uuid', department_id: 'uuid', participant_id: 'uuid', score: 'float8', reason: 'jsonb', state: 'text' }, matches);
  await insert(db, 'tracks', { id: 'uuid', match_id: 'uuid', cohort_id: 'uuid', challenge_id: 'uuid', department_id: 'uuid', participant_id: 'uuid', stage: 'text', graduated_on: 'date', outcome: 'text', outcome_summary: 'text', discontinued_reason: 'text' }, tracks);
  await insert(db, 'track_stage_history', { id: 'uuid', track_id: 'uuid', to_stage: 'text', entered_at: 'timestamptz' }, history);
  await insert(db, 'track_learnings', { track_id: 'uuid', kind: 'text', text: 'text', tags: 'text[]' },
    Array.from({ length: LEARNINGS }, () => [pick(trackIds), pick(KINDS), 'Lärdom', pgArray(some(TAGS, 3).map((tag) => `"${tag}"`))]));

  const metricIds = Array.from({ length: 6 }, () => randomUUID());
  await insert(db, 'impact_metrics', { id: 'uuid', programme_id: 'uuid', name: 'text', unit: 'text', sdgs: 'smallint[]', direction: 'text', target: 'float8' },
    metricIds.map((id, i) => [id, programmeId, `Mått ${i + 1}`, 'st', pgArray([1 + i, 10 + i]), 'higher_is_better', 1_000]));
  const trackRows = tracks as string[][];
  await insert(db, 'impact_measurements', { metric_id: 'uuid', cohort_id: 'uuid', participant_id: 'uuid', track_id: 'uuid', value: 'float8', period_from: 'date', period_to: 'date', evidence_text: 'text' },
    trackRows.flatMap((track) => Array.from({ length: MEASUREMENTS_PER_TRACK }, () => [pick(metricIds), track[2], track[5], track[0], Math.round(random() * 100), '2025-10-01', '2025-10-31', 'Logg'])));
  await db.query('ANALYZE');
  return cohortIds;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function warmMedian(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) times.push(await time(run));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The learnings report the naive way: the cohort's tracks and all their learning rows into Node, grouped there. */
async function learningsInNode(db: pg.Pool, cohortId: string): Promise<ReportRow[]> {
  const tracks = (await db.query(`SELECT id FROM tracks WHERE cohort_id = $1`, [cohortId])).rows.map((row: { id: string }) => row.id);
  const learnings = (await db.query(`SELECT * FROM track_learnings WHERE track_id = ANY($1)`, [tracks])).rows as { track_id: string; kind: string; tags: string[] }[];
  const groups = new Map<string, { tag: string | null; kind: string; entries: number; tracks: Set<string> }>();
  for (const learning of learnings) {
    for (const tag of learning.tags.length ? learning.tags : [null]) {
      const key = `${tag}\u0000${learning.kind}`;
      const group = groups.get(key) ?? { tag, kind: learning.kind, entries: 0, tracks: new Set<string>() };
      group.entries += 1;
      group.tracks.add(learning.track_id);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ tag, kind, entries, tracks: seen }) => ({ tag, kind, entries, tracks: seen.size }));
}

/** Stage times the naive way: every history row of the cohort's tracks into Node, stays and medians there. */
async function stageTimesInNode(db: pg.Pool, cohortId: string): Promise<ReportRow[]> {
  const tracks = (await db.query(`SELECT id FROM tracks WHERE cohort_id = $1`, [cohortId])).rows.map((row: { id: string }) => row.id);
  const rows = (await db.query(`SELECT * FROM track_stage_history WHERE track_id = ANY($1)`, [tracks])).rows as { id: string; track_id: string; to_stage: string; entered_at: Date }[];
  const byTrack = new Map<string, typeof rows>();
  for (const row of rows) byTrack.set(row.track_id, [...(byTrack.get(row.track_id) ?? []), row]);
  const stays = new Map<string, number[]>();
  for (const entries of byTrack.values()) {
    entries.sort((a, b) => a.entered_at.getTime() - b.entered_at.getTime() || a.id.localeCompare(b.id));
    for (let i = 0; i + 1 < entries.length; i++) stays.set(entries[i].to_stage, [...(stays.get(entries[i].to_stage) ?? []), (entries[i + 1].entered_at.getTime() - entries[i].entered_at.getTime()) / 86_400_000]);
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return PATH.slice(0, 4).map((stage) => {
    const list = (stays.get(stage) ?? []).sort((a, b) => a - b);
    const mid = list.length / 2;
    const median = list.length ? (list.length % 2 ? list[Math.floor(mid)] : (list[mid - 1] + list[mid]) / 2) : null;
    return { stage, tracks: list.length, medianDays: median === null ? null : round2(median), minDays: list.length ? round2(list[0]) : null, maxDays: list.length ? round2(list[list.length - 1]) : null };
  });
}

const NAIVE: Partial<Record<ReportName, (db: pg.Pool, cohortId: string) => Promise<ReportRow[]>>> = { learnings: learningsInNode, 'stage-times': stageTimesInNode };
const sortRows = (rows: ReportRow[]) => [...rows].map((row) => JSON.stringify(row)).sort();
const ms = (n: number) => `${n.toFixed(2).padStart(8)} ms`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-bench-'));
  // As root PostgreSQL runs as the postgres user, which must reach this directory.
  chmodSync(dataDir, 0o755);
  const database = await launchEmbeddedDatabase({ dataDir, databaseName: 'samverka_bench' });
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    await runMigrations(database.url, pino({ level: 'warn' }));
    const started = process.hrtime.bigint();
    const cohortIds = await seedProgramme(db);
    const counts = (await db.query(`SELECT (SELECT count(*) FROM applications WHERE state = 'accepted') AS participants, (SELECT count(*) FROM tracks) AS tracks,
      (SELECT count(*) FROM track_learnings) AS learnings, (SELECT count(*) FROM track_stage_history) AS history, (SELECT count(*) FROM impact_measurements) AS measurements`)).rows[0];
    process.stdout.write(`Seeded ${COHORTS} cohorts in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s: ${JSON.stringify(counts)}\n`);
    process.stdout.write(`One cohort (${cohortIds[COHORTS / 2]}); warm = median of ${WARM_RUNS} runs.\n\n`);

    const cohortId = cohortIds[COHORTS / 2];
    const run = (report: ReportName) => db.query(REPORTS[report].sql, [cohortId]);
    const results: Record<string, { first: number; warm: number; rows: number }> = {};
    for (const report of REPORT_NAMES) {
      const first = await time(() => run(report));
      results[report] = { first, warm: await warmMedian(() => run(report)), rows: (await run(report)).rowCount ?? 0 };
    }
    const definitions = (await db.query(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)`, [COHORT_INDEXES])).rows as { indexname: string; indexdef: string }[];
    for (const { indexname } of definitions) await db.query(`DROP INDEX ${indexname}`);
    const withoutIndexes: Record<string, number> = {};
    for (const report of REPORT_NAMES) withoutIndexes[report] = await warmMedian(() => run(report));
    for (const { indexdef } of definitions) await db.query(indexdef);

    process.stdout.write(`${'report'.padEnd(14)} ${'rows'.padStart(5)} ${'first run'.padStart(11)} ${'warm'.padStart(11)} ${'no indexes'.padStart(11)} ${'naive JS'.padStart(11)}\n`);
    for (const report of REPORT_NAMES) {
      const naive = NAIVE[report];
      let naiveCell = '          —';
      if (naive) {
        const [fromSql, fromNode] = [(await run(report)).rows as ReportRow[], await naive(db, cohortId)];
        if (JSON.stringify(sortRows(fromSql)) !== JSON.stringify(sortRows(fromNode))) throw new Error(`${report}: the SQL and the naive answers differ`);
        naiveCell = ms(await warmMedian(() => naive(db, cohortId)));
      }
      const { first, warm, rows } = results[report];
      process.stdout.write(`${report.padEnd(14)} ${String(rows).padStart(5)} ${ms(first)} ${ms(warm)} ${ms(withoutIndexes[report])} ${naiveCell}\n`);
    }
    const everything = await time(async () => {
      for (const id of cohortIds) for (const report of REPORT_NAMES) await db.query(REPORTS[report].sql, [id]);
    });
    process.stdout.write(`\nAll ${REPORT_NAMES.length} reports for all ${COHORTS} cohorts, one after another: ${(everything / 1000).toFixed(2)} s\n`);
  } finally {
    await db.end();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
