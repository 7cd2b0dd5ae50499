import { Injectable, Logger } from '@nestjs/common';
import { CohortRecords, ProgrammeDirectory } from '@samverka/programmes';
import { isDeepStrictEqual } from 'node:util';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CohortScoring, MatchingInputError, resolveWeights, solveMatching, type MatchingAlgorithm, type ProposingSide, type ScoreWeights } from '@samverka/matching';
import { AppConfig, AuditTrail, ConflictError, CurrentActor, NotFoundError, paginate, ValidationFailedError, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import type { Match } from '../matches/match.entity.js';
import { MatchesService } from '../matches/matches.service.js';
import { MatchingInputGatherer } from './matching-input.js';
import { MatchingRunQueue } from './matching-run-queue.js';
import { MatchingRunRecord, type RunFailure, type RunInput, type RunParameters } from './matching-run.entity.js';
import { compareRuns, describeRun, type RunComparison, type RunResult } from './run-result.js';

/** Bumped when the engine's scoring or algorithms change what a run gives. */
export const ENGINE_VERSION = 'samverka-matching/1';

export interface RunRequest {
  algorithm: MatchingAlgorithm;
  proposing?: ProposingSide;
  weights?: Partial<ScoreWeights>;
  pins?: { participantId: string; challengeId: string }[];
  forbidden?: { participantId: string; challengeId: string }[];
  includeMatched?: boolean;
}

/** The states in which a cohort's participants are matched. */
const MATCHING_STATES = ['selecting', 'running'];

/** A run whose input and result are there. */
type DoneRun = MatchingRunRecord & { input: RunInput; result: RunResult };

@Injectable()
export class MatchingRunsService {
  private readonly logger = new Logger('MatchingRuns');

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly gatherer: MatchingInputGatherer,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly matches: MatchesService,
    private readonly programmes: ProgrammeDirectory,
    private readonly queue: MatchingRunQueue,
    private readonly config: AppConfig,
  ) {}

  private get runs() {
    return this.txHost.tx.getRepository(MatchingRunRecord);
  }

  async start(cohortId: string, request: RunRequest): Promise<MatchingRunRecord> {
    const cohort = await this.access.require(CohortRecords, 'manage', cohortId);
    if (!MATCHING_STATES.includes(cohort.state)) {
      throw new ConflictError('cohort_not_matching', `Matching runs need the cohort to be selecting or running; it is ${cohort.state}.`, { state: cohort.state });
    }
    const parameters: RunParameters = {
      algorithm: request.algorithm,
      ...(request.algorithm === 'stable' ? { proposing: request.proposing ?? 'participants' } : {}),
      weights: this.validWeights(request.weights),
      pins: (request.pins ?? []).map((pin) => [pin.participantId, pin.challengeId]),
      forbidden: (request.forbidden ?? []).map((pair) => [pair.participantId, pair.challengeId]),
      includeMatched: request.includeMatched ?? false,
    };
    return this.txHost.withTransaction(async () => {
      const participants = await this.programmes.countParticipantsOfCohort(cohortId);
      if (participants > this.config.MATCHING_JOB_THRESHOLD) return this.enqueue(cohortId, parameters, participants);
      const input = await this.gatherer.gather(cohortId, parameters.includeMatched);
      const result = solve(input, parameters);
      const record = await this.runs.save(
        this.runs.create({
          cohortId,
          algorithm: parameters.algorithm,
          proposing: parameters.proposing ?? null,
          parameters,
          input,
          engineVersion: ENGINE_VERSION,
          result,
          metrics: result.metrics,
          createdBy: this.actor.required.id,
        }),
      );
      await this.audit.record({ action: 'matching_run.created', entityType: 'matching_run', entityId: record.id, to: 'draft', details: { cohortId, algorithm: parameters.algorithm, ...result.metrics } });
      return record;
    });
  }

  /** A run too large to solve inside a request: the worker gathers its input and solves it (solveQueued). */
  private async enqueue(cohortId: string, parameters: RunParameters, participants: number): Promise<MatchingRunRecord> {
    const record = await this.runs.save(
      this.runs.create({
        cohortId,
        algorithm: parameters.algorithm,
        proposing: parameters.proposing ?? null,
        parameters,
        input: null,
        engineVersion: ENGINE_VERSION,
        result: null,
        status: 'queued',
        progress: 0,
        createdBy: this.actor.required.id,
      }),
    );
    await this.queue.enqueue(record.id);
    await this.audit.record({ action: 'matching_run.queued', entityType: 'matching_run', entityId: record.id, to: 'queued', details: { cohortId, algorithm: parameters.algorithm, participants } });
    return record;
  }

  /**
   * The worker's half of a queued run: running → done with its input and result, or failed with
   * a code the app words. A job tried again after the run ended does nothing; one that finds the
   * run still running is a retry after an attempt that never finished (past the job's time
   * limit, or the worker stopped): solving the same input again would most likely end the same way.
   */
  async solveQueued(runId: string): Promise<void> {
    const started = await this.txHost.withTransaction(async () => {
      const found = await this.runs.findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!found || found.status === 'done' || found.status === 'failed') return null;
      if (found.status === 'running') return { run: found, retried: true };
      return { run: await this.runs.save(Object.assign(found, { status: 'running', progress: 10 })), retried: false };
    });
    if (!started) return;
    const { run } = started;
    if (started.retried) {
      this.logger.warn({ runId }, 'matching run retried after an attempt that did not finish');
      return this.fail(run, 'timed_out');
    }
    try {
      const input = await this.txHost.withTransaction(() => this.gatherer.gather(run.cohortId, run.parameters.includeMatched));
      await this.runs.update(runId, { input, progress: 30 });
      const unknown = pairsNotIn(input, run.parameters);
      if (unknown.length > 0) {
        this.logger.warn({ runId, pairs: unknown }, 'matching run names pairs no longer in the run');
        return this.fail(run, 'pair_not_in_run');
      }
      const result = solveOrReject(input, run.parameters);
      await this.txHost.withTransaction(async () => {
        // An attempt that outlived its job may find the run already ended by the retry: that outcome stands.
        const { affected } = await this.runs.update({ id: runId, status: 'running' }, { result, metrics: result.metrics, status: 'done', progress: 100 });
        if (!affected) {
          this.logger.warn({ runId }, 'matching run ended meanwhile; this attempt’s result is dropped');
          return;
        }
        await this.audit.record({ action: 'matching_run.created', actorId: run.createdBy, entityType: 'matching_run', entityId: runId, from: 'running', to: 'draft', details: { cohortId: run.cohortId, algorithm: run.algorithm, ...result.metrics } });
      });
    } catch (error) {
      // Pins that cannot all hold are the manager's to change; anything else is only logged.
      const infeasible = error instanceof MatchingInputError && error.kind === 'infeasible';
      if (infeasible) this.logger.warn({ runId, problems: error.problems }, 'matching run pins cannot all hold');
      else this.logger.error({ err: error, runId }, 'matching run failed');
      await this.fail(run, infeasible ? 'pins_conflict' : 'internal_error');
    }
  }

  private async fail(run: MatchingRunRecord, code: RunFailure): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const { affected } = await this.runs.update({ id: run.id, status: 'running' }, { status: 'failed', failureCode: code, progress: 100 });
      if (!affected) return;
      await this.audit.record({ action: 'matching_run.failed', actorId: run.createdBy, entityType: 'matching_run', entityId: run.id, from: 'running', to: 'failed', details: { cohortId: run.cohortId, code } });
    });
  }

  async get(runId: string): Promise<MatchingRunRecord> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundError('Matching run', runId);
    await this.access.require(CohortRecords, 'manage', run.cohortId).catch(() => {
      throw new NotFoundError('Matching run', runId);
    });
    return run;
  }

  /**
   * A run without its input and result, and its pairs and unmatched people as the run's view
   * shows them (see MatchingRunView), as JSON text built by PostgreSQL: a large run's pairs are
   * megabytes, which parsed and written again would hold up the API's event loop.
   */
  async getForView(runId: string, language: 'sv' | 'en'): Promise<{ run: MatchingRunRecord; pairsJson: string; unmatchedJson: string }> {
    const columns = this.listedColumns();
    const run = await this.runs.createQueryBuilder('r').select(columns.map((name) => `r.${name}`)).where('r.id = :runId', { runId }).getOne();
    if (!run) throw new NotFoundError('Matching run', runId);
    await this.access.require(CohortRecords, 'manage', run.cohortId).catch(() => {
      throw new NotFoundError('Matching run', runId);
    });
    // Each part of the run is read once: a TOASTed jsonb read per pair would be read again each time.
    const [row] = (await this.txHost.tx.query(
      `WITH r AS MATERIALIZED (
         SELECT result->'pairs' AS pairs, result->'unmatched' AS unmatched, input->'challengeFacts' AS facts,
           CASE WHEN result IS NULL THEN NULL ELSE input->'excluded' END AS excluded
         FROM matching_runs WHERE id = $1),
       titles AS (SELECT key AS id, value->'title' AS title FROM r, jsonb_each(r.facts))
       SELECT
         (SELECT coalesce(json_agg(json_build_object(
             'participantId', p->'participantId', 'challengeId', p->'challengeId', 'challengeTitle', coalesce(t.title, '""'::jsonb),
             'score', p->'score', 'pinned', p->'pinned', 'components', p->'components', 'reason', p->'reason'->$2) ORDER BY i), '[]')
          FROM r, jsonb_array_elements(r.pairs) WITH ORDINALITY AS e(p, i) LEFT JOIN titles t ON t.id = p->>'challengeId')::text AS pairs,
         (SELECT coalesce(json_agg(u ORDER BY part, i), '[]') FROM (
            SELECT 1 AS part, i, json_build_object('participantId', x->'participantId', 'why', x->'why') AS u FROM r, jsonb_array_elements(r.unmatched) WITH ORDINALITY AS a(x, i)
            UNION ALL
            SELECT 2, i, json_build_object('participantId', x->'participantId', 'why', x->'reason') FROM r, jsonb_array_elements(r.excluded) WITH ORDINALITY AS b(x, i)) s)::text AS unmatched`,
      [runId, language],
    )) as { pairs: string; unmatched: string }[];
    return { run, pairsJson: row.pairs, unmatchedJson: row.unmatched };
  }

  /** Turns a run's proposal into matches the two sides answer; refused if the cohort has moved on since. */
  async publish(runId: string, respondBy?: Date): Promise<Match[]> {
    const visible = await this.get(runId);
    return this.txHost.withTransaction(async () => {
      await this.matches.lockCohort(visible.cohortId);
      const run = done(await this.runs.findOneByOrFail({ id: runId }));
      if (run.publishedAt) throw new ConflictError('run_already_published', `This run was published at ${run.publishedAt.toISOString()}.`);
      const facts = run.input.challengeFacts;
      await this.matches.assertProposalsStillFree(run.cohortId, run.result.pairs);
      const created = await this.matches.saveProposals(
        run.result.pairs.map((pair) => ({
          runId,
          cohortId: run.cohortId,
          challengeId: pair.challengeId,
          departmentId: facts[pair.challengeId].departmentId,
          participantId: pair.participantId,
          score: pair.score,
          reason: pair.reason,
        })),
        respondBy,
      );
      run.publishedAt = new Date();
      run.publishedBy = this.actor.required.id;
      await this.runs.save(run);
      await this.audit.record({ action: 'matching_run.published', entityType: 'matching_run', entityId: runId, from: 'draft', to: 'published', details: { matches: created.length } });
      await this.matches.announce(created, (challengeId) => facts[challengeId].title);
      return created;
    });
  }

  async list(cohortId: string, page: PageQueryDto): Promise<Page<MatchingRunRecord>> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const qb = this.runs
      .createQueryBuilder('r')
      .select(this.listedColumns().map((name) => `r.${name}`))
      .where('r.cohort_id = :cohortId', { cohortId });
    return paginate(qb, page, { sortColumn: 'r.created_at', idColumn: 'r.id', direction: 'DESC', keyOf: (r) => [r.createdAt.toISOString(), r.id] });
  }

  async compare(runId: string, otherId: string): Promise<RunComparison> {
    const [first, second] = (await Promise.all([this.get(runId), this.get(otherId)])).map(done);
    if (first.cohortId !== second.cohortId) throw new ConflictError('different_cohorts', 'Only runs of the same cohort can be compared.');
    return compareRuns(first.result, second.result);
  }

  /** Runs the frozen input again: the same engine gives the same result, so the run can be checked. */
  async repeat(runId: string): Promise<{ identical: boolean; result: RunResult }> {
    const run = done(await this.get(runId));
    const result = solve(run.input, run.parameters);
    return { identical: isDeepStrictEqual(result, run.result), result };
  }

  /** Every column but input and result: those of a large run are megabytes each. */
  private listedColumns(): string[] {
    return this.runs.metadata.columns.map((column) => column.propertyName).filter((name) => name !== 'input' && name !== 'result');
  }

  /** Checks the requested weights now; the run keeps them as asked, so repeating it resolves them the same way. */
  private validWeights(weights: Partial<ScoreWeights> = {}): Partial<ScoreWeights> {
    try {
      resolveWeights(weights);
      return weights;
    } catch (error) {
      if (error instanceof MatchingInputError) throw new ValidationFailedError(error.problems.map((message) => ({ field: 'weights', message })));
      throw error;
    }
  }
}

/** Only a done run has pairs to publish, compare or repeat. */
function done(run: MatchingRunRecord): DoneRun {
  if (run.status !== 'done' || !run.input || !run.result) throw new ConflictError('run_not_done', `This run is ${run.status}: only a done run can be used.`, { runStatus: run.status });
  return run as DoneRun;
}

/** The pinned and forbidden pairs naming a participant or challenge the run's input does not hold. */
function pairsNotIn(input: RunInput, parameters: RunParameters): [string, string][] {
  const participants = new Set(input.participants.map((participant) => participant.id));
  const challenges = new Set(input.challenges.map((challenge) => challenge.id));
  return [...parameters.pins, ...parameters.forbidden].filter(([participantId, challengeId]) => !participants.has(participantId) || !challenges.has(challengeId));
}

/** Solves a run's input; input the engine rejects throws its MatchingInputError. */
function solveOrReject(input: RunInput, parameters: RunParameters): RunResult {
  const scoring = new CohortScoring({ ...input, weights: parameters.weights, pins: parameters.pins, forbidden: parameters.forbidden });
  const run = solveMatching(scoring.problem(), { algorithm: parameters.algorithm, proposing: parameters.proposing });
  return describeRun(run, scoring, input.challenges.map((challenge) => challenge.id));
}

/** Solves a run inside a request: rejected input is the manager's 409, with the engine's words on what to change. */
function solve(input: RunInput, parameters: RunParameters): RunResult {
  try {
    return solveOrReject(input, parameters);
  } catch (error) {
    if (error instanceof MatchingInputError) {
      throw new ConflictError('matching_input_rejected', `The run cannot be made: ${error.problems.join('; ')}.`, { problems: error.problems });
    }
    throw error;
  }
}
