import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type PgBoss from 'pg-boss';

/** The pg-boss queue the worker solves large matching runs from (created by migration 1764400000000). */
export const MATCHING_RUN_QUEUE = 'matching-run';

export interface MatchingRunJob {
  runId: string;
}

/**
 * Sends a run to the worker inside the caller's transaction: the job exists exactly when the
 * queued run does. pg-boss is only used to write the job here, through TypeORM's connection,
 * so the API keeps no pool or timers of pg-boss's own.
 */
@Injectable()
export class MatchingRunQueue {
  /** Loaded with the first run queued: pg-boss is no part of the API's start. */
  private boss?: Promise<PgBoss>;

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async enqueue(runId: string): Promise<void> {
    this.boss ??= import('pg-boss').then(({ default: PgBoss }) => {
      const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: (await this.txHost.tx.query(text, values)) as unknown[] }) };
      return new PgBoss({ db, schema: 'pgboss', migrate: false, supervise: false, schedule: false });
    });
    const job: MatchingRunJob = { runId };
    const id = await (await this.boss).send(MATCHING_RUN_QUEUE, job);
    if (!id) throw new Error(`the ${MATCHING_RUN_QUEUE} queue is missing`);
  }
}
