import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Get('tracks/:id/measurements')
  @ApiOkResponse({ type: MeasurementPage, description: 'The track’s measurements, oldest first.' })
  async listForTrack(@IdParam() id: string, @Query() query: MeasurementQuery): Promise<Page<MeasurementView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.measurements.listForTrack(id, filter, { limit, cursor }), MeasurementView.of);
  }

  @Post('tracks/:id/measurements')
  @ApiCreatedResponse({ type: MeasurementView, description: RECORDED })
  async recordOnTrack(@IdParam() id: string, @Body() body: MeasurementDto): Promise<MeasurementView> {
    return MeasurementView.of(await this.measurements.recordOnTrack(id, body));
  }

  @Get('cohorts/:id/participants/:userId/measurements')
  @ApiOkResponse({
    type: MeasurementPage,
    description: 'Everything measured for the participant in the cohort, on their tracks or not. For the participant, everyone on one of their tracks, and the cohort’s managers; others 404.',
  })
  async listForParticipant(@IdParam() id: string, @IdParam('userId') userId: string, @Query() query: MeasurementQuery): Promise<Page<MeasurementView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.measurements.listForParticipant(id, userId, filter, { limit, cursor }), MeasurementView.of);
  }

  @Post('cohorts/:id/participants/:userId/measurements')
  @ApiCreatedResponse({ type: MeasurementView, description: `A measurement of the participant rather than of one track (trackId null). ${RECORDED}` })
  async recordForParticipant(@IdParam() id: string, @IdParam('userId') userId: string, @Body() body: MeasurementDto): Promise<MeasurementView> {
    return MeasurementView.of(await this.measurements.recordForParticipant(id, userId, body));
  }
}
