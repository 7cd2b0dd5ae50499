import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { TracksService } from '@samverka/tracks';
import { AdvanceTrackDto, GraduationCriteriaDto, TestPlanDto, TrackQuery } from './dto/tracks.dto.js';
import { TrackPage, TrackSummaryView, TrackView } from './dto/tracks.views.js';

/** Everyone on a track: its participant, the challenge's department, the cohort's managers, admins. */
export const ON_A_TRACK = ['admin', 'programme_manager', 'department_member', 'entrepreneur'] as const;

@ApiTags('tracks')
@Controller('tracks')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @Get()
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: TrackPage, description: 'The tracks you are on: your own, your department’s, your cohorts’ (admins: all).' })
  async list(@Query() query: TrackQuery): Promise<Page<TrackSummaryView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.tracks.list(filter, { limit, cursor }), TrackSummaryView.of);
  }

  @Get(':id')
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: TrackView, description: 'With its stage history; the ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.get(id));
  }

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

  @Put(':id/test-plan')
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiIfMatch()
  @ApiOkResponse({ type: TrackView, description: 'Replaces the test plan, the gate into the test environment; open until the track is in evaluation.' })
  async setTestPlan(@IdParam() id: string, @Body() body: TestPlanDto, @IfMatchVersion() version: number | undefined): Promise<TrackView> {
    return TrackView.ofDetails(await this.tracks.setTestPlan(id, version, { ...body, endsOn: body.endsOn ?? null }));
  }

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
