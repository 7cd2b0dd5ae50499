import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MIN_PEOPLE, MIN_TRACKS, OpenImpact, OpenLearnings } from '@samverka/impact';
import { mapPage, type Page } from '@samverka/platform';
import { OpenData } from './open-data.js';
import { OPEN_IMPACT_CSV, OPEN_LEARNING_CSV, OpenFiguresQuery, OpenImpactFigureView, OpenImpactPage, OpenLearningGroupView, OpenLearningPage, OpenLearningsQuery } from './open-figures.views.js';

const THRESHOLD = `A figure is published only when it rests on at least ${MIN_TRACKS} distinct tracks and ${MIN_PEOPLE} distinct people`;

/** What the cohorts that publish open data learned and achieved, aggregated so that nobody can be picked out. */
@ApiTags('open')
@Controller('open')
export class OpenFiguresController {
  constructor(
    private readonly learnings: OpenLearnings,
    private readonly impact: OpenImpact,
  ) {}

  @ApiOperation({
    summary: 'Aggregated learnings',
    description:
      'The learnings of the cohorts whose managers publish open data, per programme and year, grouped by kind, tag, stage or department type (`by`), with counts. ' +
      `${THRESHOLD} (the group’s tracks, and the authors of its learnings); the smaller groups of a programme and year are merged into one "other" group, published when it meets the threshold itself, else left out. ` +
      'A learning’s text comes with its group only when its author consented to research use and a manager approved that text (checked for names, e-mail addresses, phone numbers and personnummer first); an erased author’s texts are never published. ' +
      'Never published: who wrote what, which track or participant, any id but the programme’s. JSON, or CSV with ?format=csv or Accept: text/csv.',
  })
  @Get('learnings')
  @OpenData({ csv: OPEN_LEARNING_CSV })
  @ApiOkResponse({ type: OpenLearningPage })
  async listLearnings(@Query() query: OpenLearningsQuery): Promise<Page<OpenLearningGroupView>> {
    const { limit, cursor, format: _format, ...filter } = query;
    return mapPage(await this.learnings.list(filter, { limit, cursor }), OpenLearningGroupView.of);
  }

  @ApiOperation({
    summary: 'Impact figures per cohort',
    description:
      'Per cohort that publishes open data: its programme metrics (sum or average of its measurements, target and share of target), its graduates per outcome, and its coverage of the Global Goals, one figure per row. ' +
      `${THRESHOLD} (participants): a cohort on fewer tracks publishes nothing, a metric only when its measurements come from enough tracks and people, a goal only when the tracks whose challenge or participant works for it do, and the outcomes too small alone are merged into one with key null, or left out. JSON, or CSV with ?format=csv or Accept: text/csv.`,
  })
  @Get('impact')
  @OpenData({ csv: OPEN_IMPACT_CSV })
  @ApiOkResponse({ type: OpenImpactPage })
  async listImpact(@Query() query: OpenFiguresQuery): Promise<Page<OpenImpactFigureView>> {
    const { limit, cursor, format: _format, ...filter } = query;
    return mapPage(await this.impact.list(filter, { limit, cursor }), OpenImpactFigureView.of);
  }
}
