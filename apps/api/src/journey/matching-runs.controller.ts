import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { IdParam, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { MatchesService, MatchingConflictsService, MatchingRunsService } from '@samverka/tracks';
import { DeclareConflictDto, PublishRunDto, StartRunDto } from './dto/journey.dto.js';
import { ExpiredView, MatchingConflictPage, MatchingConflictView, MatchingRunPage, MatchingRunSummaryView, MatchingRunView, MatchPage, MatchView, RepeatView, RunComparisonView } from './dto/journey.views.js';
import { ReasonLanguageOf, type ReasonLanguage } from './language.js';

const MANAGERS = { roles: ['admin', 'programme_manager'] } as const;

@ApiTags('matching')
@Controller()
export class MatchingRunsController {
  constructor(
    private readonly runs: MatchingRunsService,
    private readonly matches: MatchesService,
    private readonly conflicts: MatchingConflictsService,
  ) {}

  @Post('cohorts/:id/matching-runs')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiCreatedResponse({ type: MatchingRunView, description: 'A frozen proposal: every pair with its score, components and reason.' })
  @ApiConflictResponse({ description: 'The cohort is not selecting or running, or the pins cannot all hold.' })
  async start(@IdParam() cohortId: string, @Body() body: StartRunDto, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchingRunView> {
    return MatchingRunView.of(await this.runs.start(cohortId, body), language);
  }

  @Get('cohorts/:id/matching-runs')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingRunPage, description: 'The cohort’s runs, newest first.' })
  async list(@IdParam() cohortId: string, @Query() query: PageQueryDto): Promise<Page<MatchingRunSummaryView>> {
    return mapPage(await this.runs.list(cohortId, query), MatchingRunSummaryView.of);
  }

  @Get('matching-runs/:id')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingRunView })
  async get(@IdParam() runId: string, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchingRunView> {
    return MatchingRunView.of(await this.runs.get(runId), language);
  }

  @Get('matching-runs/:id/compare/:otherId')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: RunComparisonView, description: 'Which pairs differ between two runs, and the change in each metric.' })
  compare(@IdParam() runId: string, @IdParam('otherId') otherId: string): Promise<RunComparisonView> {
    return this.runs.compare(runId, otherId);
  }

  @Post('matching-runs/:id/repeat')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: RepeatView, description: 'Runs the stored input and parameters again and says whether the result is the same.' })
  async repeat(@IdParam() runId: string): Promise<RepeatView> {
    const { identical } = await this.runs.repeat(runId);
    return { identical };
  }

  @Post('matching-runs/:id/publish')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiCreatedResponse({ type: MatchPage, description: 'One proposed match per pair.' })
  @ApiConflictResponse({ description: 'Published before, or pairs conflict with matches made since (named).' })
  async publish(@IdParam() runId: string, @Body() body: PublishRunDto, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchPage> {
    const created = await this.matches.publish(runId, body.respondBy ? new Date(body.respondBy) : undefined);
    return { items: created.map((match) => MatchView.of(match, language)), nextCursor: null };
  }

  @Post('cohorts/:id/matches/expire')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: ExpiredView })
  async expire(@IdParam() cohortId: string): Promise<{ expired: number }> {
    return { expired: await this.matches.expireOverdue(cohortId) };
  }

  @Post('cohorts/:id/matching-conflicts')
  @Authenticated({ roles: ['entrepreneur', 'department_member'] })
  @ApiCreatedResponse({ type: MatchingConflictView, description: 'The participant or the challenge’s department declares a conflict of interest: the pair is never proposed.' })
  async declareConflict(@IdParam() cohortId: string, @Body() body: DeclareConflictDto): Promise<MatchingConflictView> {
    return MatchingConflictView.of(await this.conflicts.declare(cohortId, body.participantId, body.challengeId, body.reason));
  }

  @Get('cohorts/:id/matching-conflicts')
  @Authenticated({ roles: [...MANAGERS.roles] })
  @ApiOkResponse({ type: MatchingConflictPage })
  async listConflicts(@IdParam() cohortId: string, @Query() query: PageQueryDto): Promise<Page<MatchingConflictView>> {
    return mapPage(await this.conflicts.list(cohortId, query), MatchingConflictView.of);
  }
}
