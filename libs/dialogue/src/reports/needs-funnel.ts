import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SECTORS, type Sector } from '../dialogue.entities.js';

export const FUNNEL_STEPS = ['meetings_held', 'people_signed_up', 'people_attended', 'needs_raised', 'needs_to_challenges', 'challenges_approved', 'challenges_matched', 'challenges_graduated'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface NeedsFunnel {
  steps: { step: FunnelStep; count: number }[];
  sectors: { sector: Sector; signedUp: number; attended: number }[];
  /** "Challenges from dialogue meetings: 7 of 12; median 9 people from 3 sectors behind each." */
  fromDialogue: { challenges: number; ofAllChallenges: number; medianPeople: number | null; medianSectors: number | null };
}

/**
 * The needs funnel over the whole installation: meetings held (started by now), the people who
 * came by sector, the needs raised (duplicates merged away), those a department drafted a
 * challenge from, and how far those challenges got. A challenge reached a step when its state
 * is that step or a later one; graduated means one of its tracks graduated.
 */
@Injectable()
export class NeedsFunnelReport {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async report(): Promise<NeedsFunnel> {
    const [counts] = await this.txHost.tx.query(
      `WITH held AS (SELECT id FROM dialogue_meetings WHERE starts_at <= now()),
            people AS (SELECT s.* FROM dialogue_signups s JOIN held h ON h.id = s.meeting_id WHERE s.status = 'confirmed'),
            needs AS (SELECT n.* FROM dialogue_needs n JOIN held h ON h.id = n.meeting_id WHERE n.merged_into_id IS NULL),
            drafted AS (SELECT c.id, c.state FROM challenges c JOIN dialogue_needs n ON n.challenge_id = c.id)
       SELECT (SELECT count(*) FROM held)::int AS meetings_held,
              (SELECT count(*) FROM people)::int AS people_signed_up,
              (SELECT count(*) FROM people WHERE attended)::int AS people_attended,
              (SELECT count(*) FROM needs)::int AS needs_raised,
              (SELECT count(*) FROM drafted)::int AS needs_to_challenges,
              (SELECT count(*) FROM drafted WHERE state IN ('approved', 'matched', 'in_test', 'completed'))::int AS challenges_approved,
              (SELECT count(*) FROM drafted WHERE state IN ('matched', 'in_test', 'completed'))::int AS challenges_matched,
              (SELECT count(*) FROM drafted d WHERE EXISTS (SELECT 1 FROM tracks t WHERE t.challenge_id = d.id AND t.stage = 'graduated'))::int AS challenges_graduated`,
    );
    const sectorRows: { sector: Sector; signed_up: number; attended: number }[] = await this.txHost.tx.query(
      `SELECT s.sector, count(*)::int AS signed_up, count(*) FILTER (WHERE s.attended)::int AS attended
         FROM dialogue_signups s JOIN dialogue_meetings m ON m.id = s.meeting_id
        WHERE m.starts_at <= now() AND s.status = 'confirmed'
        GROUP BY s.sector`,
    );
    const [origin] = await this.txHost.tx.query(
      `SELECT count(*) FILTER (WHERE origin IS NOT NULL)::int AS challenges,
              count(*)::int AS of_all,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (origin->>'people')::int) FILTER (WHERE origin IS NOT NULL) AS median_people,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY jsonb_array_length(origin->'sectors')) FILTER (WHERE origin IS NOT NULL) AS median_sectors
         FROM challenges WHERE state <> 'withdrawn'`,
    );
    return {
      steps: FUNNEL_STEPS.map((step) => ({ step, count: counts[step] as number })),
      sectors: SECTORS.map((sector) => {
        const row = sectorRows.find((r) => r.sector === sector);
        return { sector, signedUp: row?.signed_up ?? 0, attended: row?.attended ?? 0 };
      }),
      fromDialogue: {
        challenges: origin.challenges,
        ofAllChallenges: origin.of_all,
        medianPeople: origin.median_people === null ? null : Number(origin.median_people),
        medianSectors: origin.median_sectors === null ? null : Number(origin.median_sectors),
      },
    };
  }
}
