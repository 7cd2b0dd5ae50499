import { GRADUATION_OUTCOMES, TRACK_STAGES } from '@samverka/tracks';

/**
 * The cohort reports, one SQL query each over `$1` = the cohort's id.
 *
 * A report is a read model: it joins the other contexts' tables (applications, profiles,
 * challenges, departments, matches, tracks, their history and learnings) read-only, because
 * asking each context's service for all its rows and joining them here would move every row
 * of a programme through Node for a handful of counts (see bench/reports.ts). Nothing here
 * writes, and each query names the columns it reads, so a change in those tables shows up
 * in test/impact/reports.e2e-spec.ts.
 *
 * Rows come out with the column names clients get (camelCase), counts as integers and
 * fractions rounded, so the JSON and the CSV are the same table.
 */
export const REPORT_NAMES = ['funnel', 'stage-times', 'challenges', 'sdg-coverage', 'metrics', 'metrics-over-time', 'graduations', 'learnings'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type ReportCell = string | number | boolean | null;
export type ReportRow = Record<string, ReportCell>;

export interface ReportDefinition {
  /** The row's fields, in CSV column order. */
  columns: readonly string[];
  sql: string;
}

const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
/** Stages a track spends time in; the ended ones are where it stays. */
const TIMED_STAGES = TRACK_STAGES.filter((stage) => stage !== 'graduated' && stage !== 'discontinued');
const camel = (snake: string): string => snake.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
const round = (expression: string, digits: number): string => `round((${expression})::numeric, ${digits})::float8`;

export const REPORTS: Record<ReportName, ReportDefinition> = {
  // Applications ever submitted (so later withdrawals still count as applications) → accepted →
  // confirmed matches → tracks that ever entered the test environment → graduated.
  funnel: {
    columns: ['step', 'count', 'shareOfPrevious'],
    sql: `WITH steps(ord, step, count) AS (
        SELECT 1, 'applications', (SELECT count(*) FROM applications a WHERE a.cohort_id = $1 AND a.submitted_at IS NOT NULL)
        UNION ALL SELECT 2, 'accepted', (SELECT count(*) FROM applications a WHERE a.cohort_id = $1 AND a.state = 'accepted')
        UNION ALL SELECT 3, 'matched', (SELECT count(*) FROM matches m WHERE m.cohort_id = $1 AND m.state = 'confirmed')
        UNION ALL SELECT 4, 'in_test', (SELECT count(*) FROM tracks t WHERE t.cohort_id = $1
          AND EXISTS (SELECT 1 FROM track_stage_history h WHERE h.track_id = t.id AND h.to_stage = 'test_environment'))
        UNION ALL SELECT 5, 'graduated', (SELECT count(*) FROM tracks t WHERE t.cohort_id = $1 AND t.stage = 'graduated'))
      SELECT step, count::int AS count, ${round('count::numeric / NULLIF(lag(count) OVER (ORDER BY ord), 0)', 3)} AS "shareOfPrevious"
      FROM steps ORDER BY ord`,
  },

  // A stay lasts from entering a stage to entering the next; stays still going are left out.
  'stage-times': {
    columns: ['stage', 'tracks', 'medianDays', 'minDays', 'maxDays'],
    sql: `WITH stays AS (
        SELECT h.to_stage AS stage,
          EXTRACT(EPOCH FROM lead(h.entered_at) OVER (PARTITION BY h.track_id ORDER BY h.entered_at, h.id) - h.entered_at) / 86400 AS days
        FROM tracks t JOIN track_stage_history h ON h.track_id = t.id
        WHERE t.cohort_id = $1)
      SELECT s.stage, count(stays.days)::int AS tracks,
        ${round('percentile_cont(0.5) WITHIN GROUP (ORDER BY stays.days)', 2)} AS "medianDays",
        ${round('min(stays.days)', 2)} AS "minDays", ${round('max(stays.days)', 2)} AS "maxDays"
      FROM unnest(ARRAY[${sqlList(TIMED_STAGES)}]) WITH ORDINALITY AS s(stage, ord)
      LEFT JOIN stays ON stays.stage = s.stage AND stays.days IS NOT NULL
      GROUP BY s.stage, s.ord ORDER BY s.ord`,
  },

  // Per department: its challenges in the cohort by state, and what came of their tracks.
  challenges: {
    columns: ['departmentId', 'department', 'challenges', 'approved', 'matched', 'inTest', 'completed', 'withdrawn', 'tracks', 'discontinued', ...GRADUATION_OUTCOMES.map(camel)],
    sql: `SELECT d.id AS "departmentId", d.name AS department, count(*)::int AS challenges,
        ${['approved', 'matched', 'in_test', 'completed', 'withdrawn'].map((state) => `count(*) FILTER (WHERE c.state = '${state}')::int AS "${camel(state)}"`).join(',\n        ')},
        coalesce(sum(tr.tracks), 0)::int AS tracks, coalesce(sum(tr.discontinued), 0)::int AS discontinued,
        ${GRADUATION_OUTCOMES.map((outcome) => `coalesce(sum(tr.${outcome}), 0)::int AS "${camel(outcome)}"`).join(',\n        ')}
      FROM challenges c
      JOIN departments d ON d.id = c.department_id
      LEFT JOIN LATERAL (
        SELECT count(*) AS tracks, count(*) FILTER (WHERE t.stage = 'discontinued') AS discontinued,
          ${GRADUATION_OUTCOMES.map((outcome) => `count(*) FILTER (WHERE t.stage = 'graduated' AND t.outcome = '${outcome}') AS ${outcome}`).join(',\n          ')}
        FROM tracks t WHERE t.challenge_id = c.id AND t.cohort_id = $1) tr ON true
      WHERE c.cohort_id = $1
      GROUP BY d.id, d.name
      ORDER BY d.name COLLATE "sv-SE-x-icu", d.id`,
  },

  // Every goal, covered or not: the cohort's challenges, its participants' profiles, and the
  // measurements of metrics linked to the goal.
  'sdg-coverage': {
    columns: ['goal', 'name', 'challenges', 'participants', 'measurements'],
    sql: `WITH challenge_goals AS (
        SELECT goal, count(*) AS n FROM challenges c, unnest(c.sdgs) AS goal WHERE c.cohort_id = $1 GROUP BY goal),
      participant_goals AS (
        SELECT goal, count(*) AS n FROM applications a JOIN entrepreneur_profiles p ON p.user_id = a.applicant_id, unnest(p.sdgs) AS goal
        WHERE a.cohort_id = $1 AND a.state = 'accepted' GROUP BY goal),
      measurement_goals AS (
        SELECT goal, sum(m.n) AS n
        FROM (SELECT metric_id, count(*) AS n FROM impact_measurements WHERE cohort_id = $1 GROUP BY metric_id) m
        JOIN impact_metrics im ON im.id = m.metric_id, unnest(im.sdgs) AS goal GROUP BY goal)
      SELECT g.number::int AS goal, g.name_en AS name,
        coalesce(cg.n, 0)::int AS challenges, coalesce(pg.n, 0)::int AS participants, coalesce(mg.n, 0)::int AS measurements
      FROM sdgs g
      LEFT JOIN challenge_goals cg ON cg.goal = g.number
      LEFT JOIN participant_goals pg ON pg.goal = g.number
      LEFT JOIN measurement_goals mg ON mg.goal = g.number
      ORDER BY g.number`,
  },

  // The programme's metrics with the cohort's measurements; the share of target compares the
  // metric's aggregate (sum or average) with the way from baseline (0 if none) to target, so
  // it reads the same for lower-is-better metrics: 1 = target reached, negative = wrong way.
  metrics: {
    columns: ['metricId', 'name', 'unit', 'direction', 'aggregation', 'baseline', 'target', 'measurements', 'followUps', 'sum', 'average', 'shareOfTarget'],
    sql: `SELECT im.id AS "metricId", im.name, im.unit, im.direction, im.aggregation, im.baseline, im.target,
        count(m.id)::int AS measurements, count(m.id) FILTER (WHERE m.follow_up)::int AS "followUps",
        ${round('sum(m.value)', 3)} AS sum, ${round('avg(m.value)', 3)} AS average,
        ${round(`(CASE im.aggregation WHEN 'sum' THEN sum(m.value) ELSE avg(m.value) END - coalesce(im.baseline, 0)) / NULLIF(im.target - coalesce(im.baseline, 0), 0)`, 3)} AS "shareOfTarget"
      FROM cohorts co
      JOIN impact_metrics im ON im.programme_id = co.programme_id
      LEFT JOIN impact_measurements m ON m.metric_id = im.id AND m.cohort_id = co.id
      WHERE co.id = $1
      GROUP BY im.id
      ORDER BY im.name COLLATE "sv-SE-x-icu", im.id`,
  },

  // Per metric and month (of the period's end, when the value had been reached) with measurements
  // in the cohort, follow-ups included: the month's aggregate and the aggregate of every
  // measurement up to and including it (a running total for sum metrics, a running average
  // for average ones), so the last month's figure equals the metrics report's.
  'metrics-over-time': {
    columns: ['metricId', 'name', 'unit', 'aggregation', 'month', 'measurements', 'value', 'cumulative'],
    sql: `WITH monthly AS (
        SELECT m.metric_id, to_char(m.period_to, 'YYYY-MM') AS month, count(*) AS n, sum(m.value) AS total
        FROM impact_measurements m WHERE m.cohort_id = $1
        GROUP BY m.metric_id, to_char(m.period_to, 'YYYY-MM'))
      SELECT im.id AS "metricId", im.name, im.unit, im.aggregation, mo.month, mo.n::int AS measurements,
        ${round(`CASE im.aggregation WHEN 'sum' THEN mo.total ELSE mo.total / mo.n END`, 3)} AS value,
        ${round(`CASE im.aggregation WHEN 'sum' THEN sum(mo.total) OVER upto ELSE sum(mo.total) OVER upto / sum(mo.n) OVER upto END`, 3)} AS cumulative
      FROM monthly mo JOIN impact_metrics im ON im.id = mo.metric_id
      WINDOW upto AS (PARTITION BY im.id ORDER BY mo.month)
      ORDER BY im.name COLLATE "sv-SE-x-icu", im.id, mo.month`,
  },

  graduations: {
    columns: ['outcome', 'graduates'],
    sql: `SELECT o.outcome, count(t.id)::int AS graduates
      FROM unnest(ARRAY[${sqlList(GRADUATION_OUTCOMES)}]) WITH ORDINALITY AS o(outcome, ord)
      LEFT JOIN tracks t ON t.cohort_id = $1 AND t.stage = 'graduated' AND t.outcome = o.outcome
      GROUP BY o.outcome, o.ord ORDER BY o.ord`,
  },

  // Per tag and kind across the cohort's tracks; untagged entries count under a null tag.
  learnings: {
    columns: ['tag', 'kind', 'entries', 'tracks'],
    sql: `SELECT x.tag, l.kind, count(*)::int AS entries, count(DISTINCT l.track_id)::int AS tracks
      FROM tracks t
      JOIN track_learnings l ON l.track_id = t.id
      LEFT JOIN LATERAL unnest(l.tags) AS x(tag) ON true
      WHERE t.cohort_id = $1
      GROUP BY x.tag, l.kind
      ORDER BY entries DESC, x.tag NULLS LAST, l.kind`,
  },
};
