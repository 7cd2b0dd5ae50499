import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { RESEARCH_PURPOSE } from '@samverka/identity';
import { normaliseTag, type Page, type PageQueryDto } from '@samverka/platform';
import { approvalHolds, type LearningKind } from '@samverka/tracks';
import { pageOf } from './in-memory-page.js';
import { kAnonymous, mergedEvidence, type Evidence } from './k-anonymity.js';

/** What the open learnings can be grouped by; the department's name stands for its type (e.g. Socialförvaltningen). */
export const OPEN_LEARNING_DIMENSIONS = ['kind', 'tag', 'stage', 'departmentType'] as const;
export type OpenLearningDimension = (typeof OPEN_LEARNING_DIMENSIONS)[number];

export interface OpenDataFilter {
  programmeId?: string;
  year?: number;
  sdg?: number;
  /** A municipality's four-digit code (the challenge's, else its department's). */
  municipality?: string;
  /** A county's two-digit code. */
  county?: string;
}

export interface OpenLearningFilter extends OpenDataFilter {
  by: OpenLearningDimension;
  tag?: string;
}

export interface PublishedText {
  kind: LearningKind;
  text: string;
}

export interface OpenLearningGroup {
  programmeId: string;
  programme: string;
  year: number;
  by: OpenLearningDimension;
  /** The group's kind, tag, stage or department type; null for "other" and, by tag, for untagged learnings. */
  value: string | null;
  /** The small groups of the programme and year merged together. */
  other: boolean;
  learnings: number;
  tracks: number;
  people: number;
  texts: PublishedText[];
}

interface GroupRow extends Evidence {
  programmeId: string;
  programme: string;
  year: number;
  value: string | null;
  learningIds: string[];
  texts: (PublishedText & { id: string })[];
}

/** SQL of each dimension's value over the learnings (`e`) and, by tag, their tags (`x`). */
const DIMENSION_SQL: Record<OpenLearningDimension, string> = { kind: 'e.kind', tag: 'x.tag', stage: 'e.stage', departmentType: 'e.department_type' };

/**
 * The learnings of the cohorts that publish open data, grouped per programme and year and then
 * by one dimension, each group published only when it rests on enough tracks and people (see
 * k-anonymity.ts). The people of a group are its learnings' authors: a department member on
 * five tracks who wrote every learning of a group would otherwise be read in it. Erased
 * authors no longer count, so an erasure can take a group below the threshold, never above. A learning's text comes with its group only when a manager's approval of
 * that very text holds and its author's latest answer on research use is yes; an erased
 * author has no approvals left (see tracks-personal-data.ts).
 *
 * A read model over the tracks, cohorts, challenges, departments and consents tables, like the
 * cohort reports (report-queries.ts), for the same reason: a handful of groups out of every
 * learning of the installation.
 */
@Injectable()
export class OpenLearnings {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(filter: OpenLearningFilter, page: PageQueryDto): Promise<Page<OpenLearningGroup>> {
    const groups = await this.groups(filter);
    return pageOf(groups, page, (g) => [g.programmeId, g.year, g.other ? 'other' : 'group', g.value ?? ''].join('|'));
  }

  private async groups(filter: OpenLearningFilter): Promise<OpenLearningGroup[]> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => `$${params.push(value)}`;
    const where = openDataConditions(filter, bind, 'l.created_at');
    if (filter.tag) where.push(`${bind(normaliseTag(filter.tag))} = ANY(l.tags)`);
    const rows: GroupRow[] = await this.txHost.tx.query(
      `WITH entries AS (
        SELECT l.id, l.kind, l.tags, l.text, l.author_id, t.id AS track_id, co.programme_id, p.name AS programme,
          extract(year FROM l.created_at)::int AS year, d.name AS department_type,
          (SELECT h.to_stage FROM track_stage_history h WHERE h.track_id = t.id AND h.entered_at <= l.created_at
            ORDER BY h.entered_at DESC, h.id DESC LIMIT 1) AS stage,
          (l.author_id IS NOT NULL AND l.text <> '' AND ${approvalHolds('l')}
            AND (SELECT r.given FROM consent_records r WHERE r.user_id = l.author_id AND r.purpose = '${RESEARCH_PURPOSE}'
              ORDER BY r.recorded_at DESC LIMIT 1) IS TRUE) AS published
        FROM track_learnings l
        JOIN tracks t ON t.id = l.track_id
        JOIN cohorts co ON co.id = t.cohort_id AND co.publishes_open_data
        JOIN programmes p ON p.id = co.programme_id
        JOIN challenges c ON c.id = t.challenge_id
        JOIN departments d ON d.id = t.department_id
        WHERE ${where.length ? where.join(' AND ') : 'TRUE'})
      SELECT e.programme_id AS "programmeId", e.programme, e.year, ${DIMENSION_SQL[filter.by]} AS value,
        array_agg(DISTINCT e.id::text) AS "learningIds", array_agg(DISTINCT e.track_id::text) AS "trackIds",
        coalesce(array_agg(DISTINCT e.author_id::text) FILTER (WHERE e.author_id IS NOT NULL), '{}') AS "personIds",
        coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'text', e.text) ORDER BY e.id) FILTER (WHERE e.published), '[]') AS texts
      FROM entries e ${filter.by === 'tag' ? 'LEFT JOIN LATERAL unnest(e.tags) AS x(tag) ON true' : ''}
      GROUP BY 1, 2, 3, 4
      ORDER BY e.programme COLLATE "sv-SE-x-icu", 1, 3 DESC, count(DISTINCT e.id) DESC, 4 NULLS LAST`,
      params,
    );
    const byProgrammeYear = new Map<string, GroupRow[]>();
    for (const row of rows) {
      const key = `${row.programmeId}|${row.year}`;
      byProgrammeYear.set(key, [...(byProgrammeYear.get(key) ?? []), row]);
    }
    return [...byProgrammeYear.values()].flatMap((groups) =>
      kAnonymous(groups, (small) => ({ ...small[0], value: null, other: true, ...mergedEvidence(small), learningIds: [...new Set(small.flatMap((g) => g.learningIds))], texts: small.flatMap((g) => g.texts) })).map(
        (group) => published(group, filter.by),
      ),
    );
  }
}

function published(group: GroupRow & { other?: boolean }, by: OpenLearningDimension): OpenLearningGroup {
  const texts = new Map(group.texts.map(({ id, kind, text }) => [id, { kind, text }]));
  return {
    programmeId: group.programmeId,
    programme: group.programme,
    year: group.year,
    by,
    value: group.value,
    other: group.other ?? false,
    learnings: group.learningIds.length,
    tracks: new Set(group.trackIds).size,
    people: new Set(group.personIds).size,
    texts: [...texts.values()],
  };
}

/**
 * The filters every open figure takes, as SQL conditions over a track `t`, its cohort `co`,
 * challenge `c` and department `d`; `dated` is the column whose year the year filter reads.
 */
export function openDataConditions(filter: OpenDataFilter, bind: (value: unknown) => string, dated: string): string[] {
  const where: string[] = [];
  const place = 'coalesce(c.municipality_code, d.municipality_code)';
  if (filter.programmeId) where.push(`co.programme_id = ${bind(filter.programmeId)}`);
  if (filter.year !== undefined) where.push(`extract(year FROM ${dated}) = ${bind(filter.year)}`);
  if (filter.sdg !== undefined) where.push(`${bind(filter.sdg)}::smallint = ANY(c.sdgs)`);
  if (filter.municipality) where.push(`${place} = ${bind(filter.municipality)}`);
  if (filter.county) where.push(`EXISTS (SELECT 1 FROM municipalities m WHERE m.code = ${place} AND m.county_code = ${bind(filter.county)})`);
  return where;
}
