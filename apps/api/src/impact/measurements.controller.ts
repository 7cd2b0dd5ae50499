import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { MeasurementsService } from '@samverka/impact';
import { IdParam, mapPage, type Page } from '@samverka/platform';
import { ON_A_TRACK } from '../journey/tracks.controller.js';
import { MeasurementDto, MeasurementPage, MeasurementQuery, MeasurementView } from './dto/measurements.dto.js';

const RECORDED = 'Recorded by you, now; followUp is true when the participant has graduated. The metric must be one of the programme’s (400 otherwise).';

/** Impact measurements of a track, and of a participant in a cohort; everyone on the track reads and records, others 404. */
@ApiTags('impact')
@Authenticated({ roles: [...ON_A_TRACK] })
@Controller()
export class MeasurementsController {
  constructor(private readonly measurements: MeasurementsService) {}

  @ApiOperation({
    summary: 'List a track’s impact measurements',
    description: 'The measurements recorded on the track, oldest first, paginated, filterable by metric; a track you are not on is 404.',
  })
  @Get('tracks/:id/measurements')
  @ApiOkResponse({ type: MeasurementPage, description: 'The track’s measurements, oldest first.' })
  async listForTrack(@IdParam() id: string, @Query() query: MeasurementQuery): Promise<Page<MeasurementView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.measurements.listForTrack(id, filter, { limit, cursor }), MeasurementView.of);
  }

  @ApiOperation({
    summary: 'Record an impact measurement on a track',
    description: 'A value of a metric for a period with its evidence; periodTo before periodFrom is 400 and a track you are not on is 404. Audited; honours Idempotency-Key.',
  })
  @Post('tracks/:id/measurements')
  @ApiCreatedResponse({ type: MeasurementView, description: RECORDED })
  async recordOnTrack(@IdParam() id: string, @Body() body: MeasurementDto): Promise<MeasurementView> {
    return MeasurementView.of(await this.measurements.recordOnTrack(id, body));
  }

  @ApiOperation({
    summary: 'List a participant’s impact measurements',
    description: 'Oldest first, paginated, filterable by metric; someone who is not a participant of the cohort is 404.',
  })
  @Get('cohorts/:id/participants/:userId/measurements')
  @ApiOkResponse({
    type: MeasurementPage,
    description:
      'What was measured for the participant in the cohort, on their tracks or not: the participant and the cohort’s managers see all of it, someone on one of their tracks that track’s measurements and those on no track; others 404.',
  })
  async listForParticipant(@IdParam() id: string, @IdParam('userId') userId: string, @Query() query: MeasurementQuery): Promise<Page<MeasurementView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.measurements.listForParticipant(id, userId, filter, { limit, cursor }), MeasurementView.of);
  }

  @ApiOperation({
    summary: 'Record an impact measurement for a participant',
    description: 'A value of a metric for a period with its evidence, on none of the participant’s tracks; periodTo before periodFrom is 400, and someone who is not a participant of the cohort, or one you may not see, is 404. Audited; honours Idempotency-Key.',
  })
  @Post('cohorts/:id/participants/:userId/measurements')
  @ApiCreatedResponse({ type: MeasurementView, description: `A measurement of the participant rather than of one track (trackId null). ${RECORDED}` })
  async recordForParticipant(@IdParam() id: string, @IdParam('userId') userId: string, @Body() body: MeasurementDto): Promise<MeasurementView> {
    return MeasurementView.of(await this.measurements.recordForParticipant(id, userId, body));
  }
}
