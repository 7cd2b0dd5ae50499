import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Page, PageQueryDto } from '@samverka/platform';
import { REPORTS, type ReportRow } from '../reports/report-queries.js';
import { pageOf } from './in-memory-page.js';
import { kAnonymous, mergedEvidence, restsOnEnough, type Evidence } from './k-anonymity.js';
import { openDataConditions, type OpenDataFilter } from './open-learnings.js';

export const OPEN_IMPACT_SECTIONS = ['metric', 'graduation', 'sdg'] as const;
export type OpenImpactSection = (typeof OPEN_IMPACT_SECTIONS)[number];

/**
 * One published impact figure of a cohort, flat so that JSON and CSV are the same table: a
 * metric (its aggregate over the cohort's measurements), a graduation outcome (how many
 * graduated so), or a Global Goal (how many challenges, participants and measurements touch it).
 * A section leaves its columns of the other sections null.
 */
export interface OpenImpactFigure {
  programmeId: string;
  programme: string;
  cohortId: string;
  cohort: string;
  year: number;
  section: OpenImpactSection;
  /** The metric's name, the outcome, or the goal's number; null for the merged "other" outcomes. */
  key: string | null;
  /** The goal's name (English). */
  label: string | null;
  /** The metric's unit. */
  unit: string | null;
  measurements: number | null;
  value: number | null;
  target: number | null;
  shareOfTarget: number | null;
  graduates: number | null;
  challenges: number | null;
  participants: number | null;
}

interface PublishingCohort extends Evidence {
  cohortId: string;
  cohort: string;
  programmeId: string;
  programme: string;
  year: number;
}

interface KeyedEvidence extends Evidence {
  key: string;
}

const EMPTY = { label: null, unit: null, measurements: null, value: null, target: null, shareOfTarget: null, graduates: null, challenges: null, participants: null } as const;
const num = (cell: ReportRow[string]): number | null => (typeof cell === 'number' ? cell : null);

/**
 * The impact figures of the cohorts that publish open data, from the cohort reports
 * (report-queries.ts) and thresholded like the learnings: a cohort only when it rests on enough
 * tracks and people, a metric only when its measurements do, a goal only when the tracks whose
 * challenge or participant works for it do, and graduation outcomes each when they do, the
 * small ones merged into "other" or left out.
 */
@Injectable()
export class OpenImpact {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(filter: OpenDataFilter, page: PageQueryDto): Promise<Page<OpenImpactFigure>> {
    const figures: OpenImpactFigure[] = [];
    for (const cohort of await this.publishingCohorts(filter)) figures.push(...(await this.figuresOf(cohort)));
    return pageOf(figures, page, (f) => [f.cohortId, f.section, f.key ?? 'other'].join('|'));
  }

  private async publishingCohorts(filter: OpenDataFilter): Promise<PublishingCohort[]> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => `$${params.push(value)}`;
    const where = openDataConditions(filter, bind, 'coalesce(co.starts_on, co.application_opens_at)');
    const cohorts: PublishingCohort[] = await this.txHost.tx.query(
      `SELECT co.id AS "cohortId", co.name AS cohort, co.programme_id AS "programmeId", p.name AS programme,
          extract(year FROM coalesce(co.starts_on, co.application_opens_at))::int AS year,
          array_agg(DISTINCT t.id::text) AS "trackIds", array_agg(DISTINCT t.participant_id::text) AS "personIds"
        FROM cohorts co JOIN programmes p ON p.id = co.programme_id JOIN tracks t ON t.cohort_id = co.id
        WHERE co.publishes_open_data
          AND EXISTS (SELECT 1 FROM tracks ft JOIN challenges c ON c.id = ft.challenge_id JOIN departments d ON d.id = ft.department_id
            WHERE ft.cohort_id = co.id${where.map((condition) => ` AND ${condition}`).join('')})
        GROUP BY co.id, p.name
        ORDER BY p.name COLLATE "sv-SE-x-icu", co.programme_id, year DESC, co.name COLLATE "sv-SE-x-icu", co.id`,
      params,
    );
    return cohorts.filter(restsOnEnough);
  }

  private async evidence(sql: string, cohortId: string): Promise<Map<string, KeyedEvidence>> {
    const rows: KeyedEvidence[] = await this.txHost.tx.query(sql, [cohortId]);
    return new Map(rows.map((row) => [row.key, row]));
  }

  private report(name: 'metrics' | 'graduations' | 'sdg-coverage', cohortId: string): Promise<ReportRow[]> {
    return this.txHost.tx.query(REPORTS[name].sql, [cohortId]);
  }

  private async figuresOf(cohort: PublishingCohort): Promise<OpenImpactFigure[]> {
    const { cohortId } = cohort;
    const base = { programmeId: cohort.programmeId, programme: cohort.programme, cohortId, cohort: cohort.cohort, year: cohort.year };
    const enough = (evidence: Evidence | undefined): boolean => evidence !== undefined && restsOnEnough(evidence);

    const metricEvidence = await this.evidence(
      `SELECT metric_id::text AS key, array_remove(array_agg(DISTINCT track_id::text), NULL) AS "trackIds", array_agg(DISTINCT participant_id::text) AS "personIds"
       FROM impact_measurements WHERE cohort_id = $1 GROUP BY metric_id`,
      cohortId,
    );
    const metrics = (await this.report('metrics', cohortId))
      .filter((row) => enough(metricEvidence.get(String(row.metricId))))
      .map((row): OpenImpactFigure => ({
        ...base,
        section: 'metric',
        key: String(row.name),
        ...EMPTY,
        unit: String(row.unit),
        measurements: num(row.measurements),
        value: num(row.aggregation === 'sum' ? row.sum : row.average),
        target: num(row.target),
        shareOfTarget: num(row.shareOfTarget),
      }));

    const outcomeEvidence = await this.evidence(
      `SELECT outcome AS key, array_agg(id::text) AS "trackIds", array_agg(participant_id::text) AS "personIds"
       FROM tracks WHERE cohort_id = $1 AND stage = 'graduated' GROUP BY outcome`,
      cohortId,
    );
    const outcomes = (await this.report('graduations', cohortId)).flatMap((row) => {
      const evidence = outcomeEvidence.get(String(row.outcome));
      return evidence ? [{ ...evidence, outcome: String(row.outcome) as string | null }] : [];
    });
    const graduations = kAnonymous(outcomes, (small) => ({ outcome: null, key: 'other', ...mergedEvidence(small) })).map(
      (group): OpenImpactFigure => ({ ...base, section: 'graduation', key: group.outcome, ...EMPTY, graduates: new Set(group.trackIds).size }),
    );

    const goalEvidence = await this.evidence(
      `SELECT goal::text AS key, array_agg(DISTINCT t.id::text) AS "trackIds", array_agg(DISTINCT t.participant_id::text) AS "personIds"
       FROM tracks t JOIN challenges c ON c.id = t.challenge_id LEFT JOIN entrepreneur_profiles ep ON ep.user_id = t.participant_id,
         unnest(c.sdgs || coalesce(ep.sdgs, '{}')) AS goal
       WHERE t.cohort_id = $1 GROUP BY goal`,
      cohortId,
    );
    const goals = (await this.report('sdg-coverage', cohortId))
      .filter((row) => enough(goalEvidence.get(String(row.goal))))
      .map((row): OpenImpactFigure => ({
        ...base,
        section: 'sdg',
        key: String(row.goal),
        ...EMPTY,
        label: String(row.name),
        measurements: num(row.measurements),
        challenges: num(row.challenges),
        participants: num(row.participants),
      }));

    return [...metrics, ...graduations, ...goals];
  }
}
