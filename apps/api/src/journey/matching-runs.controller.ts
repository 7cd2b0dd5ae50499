import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { answerWith, ApiProblems, IdParam, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { MatchesService, MatchingConflictsService, MatchingRunsService, PartyDirectory } from '@samverka/tracks';
import { DeclareConflictDto, PublishRunDto, StartRunDto } from './dto/journey.dto.js';
import { ExpiredView, MatchingConflictPage, MatchingConflictView, MatchingRunPage, MatchingRunSummaryView, MatchingRunView, MatchPage, matchViews, RepeatView, RunComparisonView } from './dto/journey.views.js';
import { ReasonLanguageOf, type ReasonLanguage } from './language.js';
import type { FastifyReply } from 'fastify';

const MANAGERS = { roles: ['admin', 'programme_manager'] } as const;

@ApiTags('matching')
@Controller()
export class MatchingRunsController {
  constructor(
    private readonly runs: MatchingRunsService,
    private readonly matches: MatchesService,
    private readonly conflicts: MatchingConflictsService,
    private readonly parties: PartyDirectory,
  ) {}

  @ApiOperation({
    summary: 'Start a matching run',
    description:
      'Scores the participant–challenge pairs of a cohort you manage and solves them with the chosen algorithm, honouring weights, pins and forbidden pairs; the run stores its input, parameters and result. Only while the cohort is selecting or running (409 cohort_not_matching), and input the engine rejects, such as pins that cannot all hold, is 409; audited, honours Idempotency-Key. A cohort with more participants than the configured MATCHING_JOB_THRESHOLD (1,000 by default) is not solved in the request: the run is answered 202 with status queued and a Location to poll (GET /api/matching-runs/{id}) while the worker moves it to running and then done, or failed with a failureCode (pins_conflict, pair_not_in_run, timed_out or internal_error; see the run’s view).',
  })
  @ApiProblems('cohort_not_matching', 'matching_input_rejected')
  @Post('cohorts/:id/matching-runs')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiCreatedResponse({ type: MatchingRunView, description: 'A frozen proposal (status done): every pair with its score, components and reason.' })
  @ApiAcceptedResponse({
    type: MatchingRunView,
    description: 'A large run, queued for the worker (status queued, no pairs yet); Location names the run to poll.',
    headers: { Location: { description: 'The run: GET it until its status is done or failed.', schema: { type: 'string' } } },
  })
  @ApiConflictResponse({ description: 'The cohort is not selecting or running, or the pins cannot all hold.' })
  async start(@IdParam() cohortId: string, @Body() body: StartRunDto, @ReasonLanguageOf() language: ReasonLanguage, @Res({ passthrough: true }) response: FastifyReply): Promise<MatchingRunView> {
    const run = await this.runs.start(cohortId, body);
    if (run.status === 'queued') {
      response.header('Location', `/api/matching-runs/${run.id}`);
      answerWith(response, HttpStatus.ACCEPTED);
    }
    return MatchingRunView.of(run, language);
  }

  @ApiOperation({
    summary: 'List a cohort’s matching runs',
    description: 'Summaries of the runs of a cohort you manage (404 otherwise), newest first, paginated.',
  })
  @Get('cohorts/:id/matching-runs')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingRunPage, description: 'The cohort’s runs, newest first.' })
  async list(@IdParam() cohortId: string, @Query() query: PageQueryDto): Promise<Page<MatchingRunSummaryView>> {
    return mapPage(await this.runs.list(cohortId, query), MatchingRunSummaryView.of);
  }

  @ApiOperation({
    summary: 'Get a matching run',
    description: 'The run’s status and progress, parameters and metrics and every proposed pair with its score, components, weights and reason (pairs and metrics once done); a run of a cohort you do not manage is 404.',
  })
  @Get('matching-runs/:id')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingRunView })
  async get(@IdParam() runId: string, @ReasonLanguageOf() language: ReasonLanguage, @Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    const { run, pairsJson, unmatchedJson } = await this.runs.getForView(runId, language);
    // The pairs come as JSON text from PostgreSQL and are set in as they are (see getForView).
    const head = JSON.stringify({ ...MatchingRunView.of(run, language), pairs: undefined, unmatched: undefined });
    response.type('application/json');
    return `${head.slice(0, -1)},"pairs":${pairsJson},"unmatched":${unmatchedJson}}`;
  }

  @ApiOperation({
    summary: 'Compare two matching runs',
    description: 'Which pairs differ between two done runs (409 run_not_done otherwise) of the same cohort (409 different_cohorts otherwise) and how each metric changed.',
  })
  @ApiProblems('different_cohorts', 'run_not_done')
  @Get('matching-runs/:id/compare/:otherId')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: RunComparisonView, description: 'Which pairs differ between two runs, and the change in each metric.' })
  compare(@IdParam() runId: string, @IdParam('otherId') otherId: string): Promise<RunComparisonView> {
    return this.runs.compare(runId, otherId);
  }

  @ApiOperation({
    summary: 'Repeat a matching run',
    description: 'Solves a done run’s stored input with its stored parameters again (409 run_not_done before) and says whether the result is identical; nothing is stored.',
  })
  @ApiProblems('run_not_done')
  @Post('matching-runs/:id/repeat')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: RepeatView, description: 'Runs the stored input and parameters again and says whether the result is the same.' })
  async repeat(@IdParam() runId: string): Promise<RepeatView> {
    const { identical } = await this.runs.repeat(runId);
    return { identical };
  }

  @ApiOperation({
    summary: 'Publish a matching run',
    description: 'Turns every pair of a done run (409 run_not_done otherwise) into a proposed match, with an optional response deadline, and notifies both sides of each. A run published before, or with pairs that conflict with matches made since, is 409 naming the conflicts; audited, honours Idempotency-Key.',
  })
  @ApiProblems('run_already_published', 'run_outdated', 'run_not_done')
  @Post('matching-runs/:id/publish')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiCreatedResponse({ type: MatchPage, description: 'One proposed match per pair.' })
  @ApiConflictResponse({ description: 'Published before, or pairs conflict with matches made since (named).' })
  async publish(@IdParam() runId: string, @Body() body: PublishRunDto, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchPage> {
    const created = await this.runs.publish(runId, body.respondBy ? new Date(body.respondBy) : undefined);
    return { items: await matchViews(this.parties, created, language), nextCursor: null };
  }

  @ApiOperation({
    summary: 'Expire overdue match proposals',
    description: 'Every proposed match of a cohort you manage whose respondBy has passed becomes expired, freeing its seat; returns how many. Each expiry is audited.',
  })
  @Post('cohorts/:id/matches/expire')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: ExpiredView })
  async expire(@IdParam() cohortId: string): Promise<{ expired: number }> {
    return { expired: await this.matches.expireOverdue(cohortId) };
  }

  @ApiOperation({
    summary: 'Declare a matching conflict of interest',
    description: 'Records that a participant and an approved challenge of the cohort must never be proposed together; declared by that participant or a member of the challenge’s department (404 otherwise). Declaring the same pair twice is 409; audited, honours Idempotency-Key.',
  })
  @ApiProblems('conflict_already_declared')
  @Post('cohorts/:id/matching-conflicts')
  @Authenticated({ roles: ['entrepreneur', 'department_member'] })
  @ApiCreatedResponse({ type: MatchingConflictView, description: 'The participant or the challenge’s department declares a conflict of interest: the pair is never proposed.' })
  async declareConflict(@IdParam() cohortId: string, @Body() body: DeclareConflictDto): Promise<MatchingConflictView> {
    return MatchingConflictView.of(await this.conflicts.declare(cohortId, body.participantId, body.challengeId, body.reason));
  }

  @ApiOperation({
    summary: 'List a cohort’s matching conflicts',
    description: 'The declared conflicts of interest of a cohort you manage (404 otherwise), oldest first, paginated.',
  })
  @Get('cohorts/:id/matching-conflicts')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingConflictPage })
  async listConflicts(@IdParam() cohortId: string, @Query() query: PageQueryDto): Promise<Page<MatchingConflictView>> {
    return mapPage(await this.conflicts.list(cohortId, query), MatchingConflictView.of);
  }
}
