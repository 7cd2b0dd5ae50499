import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { TracksService } from '@samverka/tracks';
import { AdvanceTrackDto, GraduationCriteriaDto, TestPlanDto, TrackQuery } from './dto/tracks.dto.js';
import { TrackPage, TrackSummaryView, TrackView } from './dto/tracks.views.js';

/** Everyone on a track: its participant, the challenge's department, the cohort's managers, admins. */
export const ON_A_TRACK = ['admin', 'programme_manager', 'department_member', 'entrepreneur'] as const;

@ApiTags('tracks')
@Controller('tracks')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @ApiOperation({
    summary: 'List tracks',
    description:
      'The tracks you are on, oldest first, paginated, filterable by cohort, challenge and stage: yours as participant, your departments’, and those of cohorts you manage (admins: all). Each names its challenge, department and participant.',
  })
  @Get()
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: TrackPage, description: 'The tracks you are on: your own, your department’s, your cohorts’ (admins: all).' })
  async list(@Query() query: TrackQuery): Promise<Page<TrackSummaryView>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.tracks.list(filter, { limit, cursor });
    const names = await this.tracks.namesOf(page.items);
    return mapPage(page, (track) => TrackSummaryView.of(track, names.namesOf(track)));
  }

  @ApiOperation({
    summary: 'Get a track',
    description:
      'The track with its names, stage history, the cohort’s graduation criteria, the gates still open, the test environments the challenge offers and whether you decide its stages; a track you are not on is 404. The ETag header carries the version for If-Match.',
  })
  @Get(':id')
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: TrackView, description: 'With its stage history; the ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.get(id));
  }

  @ApiOperation({
    summary: 'Move a track to its next stage',
    description: 'Moves a track of a cohort you manage one stage on, or ends it, once the gate is met (the gates are listed with the 200 response). Needs If-Match (428 without it, 412 when stale); the move enters the stage history and the audit trail, the challenge moves on to in_test or completed when due, and the others on the track are notified, by email too.',
  })
  @ApiProblems('gate_not_met', 'invalid_transition')
  @Post(':id/advance')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({
    type: TrackView,
    description:
      'matched → co_design → test_environment (needs a test plan) → evaluation (needs a test session) → graduated (needs outcome, summary and every graduation criterion ticked); discontinued (needs a reason) from any stage before graduation. A missing gate is 409 gate_not_met with `missing`; a wrong move is 409 naming the allowed moves.',
  })
  async advance(@IdParam() id: string, @Body() body: AdvanceTrackDto, @IfMatchVersion() version: number | undefined): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.advance(id, version, body));
  }

  @ApiOperation({
    summary: 'Set a track’s test plan',
    description: 'Replaces the test plan; its test environment must be one the challenge offers (400), and it can change only while the track is matched, co_design or test_environment (409 test_plan_closed). Needs If-Match (428 without it, 412 when stale); audited, and the others on the track are notified in the app.',
  })
  @ApiProblems('test_plan_closed')
  @Put(':id/test-plan')
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiIfMatch()
  @ApiOkResponse({ type: TrackView, description: 'Replaces the test plan, the gate into the test environment; open until the track is in evaluation.' })
  async setTestPlan(@IdParam() id: string, @Body() body: TestPlanDto, @IfMatchVersion() version: number | undefined): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.setTestPlan(id, version, { ...body, endsOn: body.endsOn ?? null }));
  }

  @ApiOperation({
    summary: 'Tick a track’s graduation criteria',
    description: 'Replaces the list of the cohort’s graduation criteria the track has met, on a track of a cohort you manage; an unknown key is 400 and an ended track 409 track_ended. Needs If-Match (428 without it, 412 when stale); audited, and the others on the track are notified in the app.',
  })
  @ApiProblems('track_ended')
  @Put(':id/graduation-criteria')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: TrackView, description: 'Ticks the cohort’s graduation criteria the track has met (the list replaces earlier ticks).' })
  async tickCriteria(
    @IdParam() id: string,
    @Body() body: GraduationCriteriaDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.tickCriteria(id, version, body.met));
  }
}
