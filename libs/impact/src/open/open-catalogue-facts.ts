import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** A period as calendar dates (YYYY-MM-DD); no end while it goes on. */
export interface Period {
  start: string;
  end: string | null;
}

/** What the open-data catalogue says about time: the periods its datasets cover. */
@Injectable()
export class OpenCatalogueFacts {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** From the first to the latest publication of a version still published; null before any. */
  async methodCardsPeriod(): Promise<Period | null> {
    const [row] = (await this.txHost.tx.query(
      `SELECT to_char(min(published_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS start, to_char(max(published_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "end"
       FROM method_card_publications WHERE unpublished_at IS NULL`,
    )) as { start: string | null; end: string | null }[];
    return row.start ? { start: row.start, end: row.end } : null;
  }

  /**
   * The cohorts' time, which learnings and impact figures are counted over: from the first
   * cohort's start to the last one's end, open while a cohort has no end; null before any cohort.
   */
  async cohortsPeriod(): Promise<Period | null> {
    const [row] = (await this.txHost.tx.query(
      `SELECT to_char(min(coalesce(starts_on, (created_at AT TIME ZONE 'UTC')::date)), 'YYYY-MM-DD') AS start,
              CASE WHEN bool_and(ends_on IS NOT NULL) THEN to_char(max(ends_on), 'YYYY-MM-DD') END AS "end"
       FROM cohorts`,
    )) as { start: string | null; end: string | null }[];
    return row.start ? { start: row.start, end: row.end } : null;
  }
}
