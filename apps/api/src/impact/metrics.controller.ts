import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { MetricsService } from '@samverka/impact';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { ON_A_TRACK } from '../journey/tracks.controller.js';
import { CreateMetricDto, MetricPage, MetricView, UpdateMetricDto } from './dto/metrics.dto.js';

const MANAGERS = ['admin', 'programme_manager'] as const;

/** A programme's impact metrics: its managers define them; everyone on its tracks reads them to record measurements. */
@ApiTags('impact')
@Controller('programmes/:id/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @ApiOperation({
    summary: 'List a programme’s impact metrics',
    description: 'The metrics measurements are recorded against, paginated.',
  })
  @Get()
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: MetricPage, description: 'In the order they were defined. For the programme’s managers and everyone on one of its tracks; others 404.' })
  async list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MetricView>> {
    return mapPage(await this.metrics.list(id, query), MetricView.of);
  }

  @ApiOperation({
    summary: 'Define an impact metric',
    description: 'A metric of a programme you manage (404 otherwise): name, unit, linked SDGs, direction, aggregation, and optional baseline and target, the target lying the metric’s way from the baseline (400 otherwise). Audited; honours Idempotency-Key.',
  })
  @ApiProblems('metric_name_taken')
  @Post()
  @Authenticated({ roles: [...MANAGERS] })
  @ApiCreatedResponse({ type: MetricView, description: 'A name is used once per programme (409 metric_name_taken).' })
  async create(@IdParam() id: string, @Body() body: CreateMetricDto): Promise<MetricView> {
    return MetricView.of(await this.metrics.create(id, body));
  }

  @ApiOperation({
    summary: 'Get an impact metric',
    description: 'One metric of a programme you may read; an unknown metric is 404.',
  })
  @Get(':metricId')
  @Authenticated({ roles: [...ON_A_TRACK] })
  @ApiOkResponse({ type: MetricView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string, @IdParam('metricId') metricId: string): Promise<MetricView> {
    return MetricView.of(await this.metrics.get(id, metricId));
  }

  @ApiOperation({
    summary: 'Update an impact metric',
    description: 'Changes the fields given of a metric of a programme you manage, checked as on creation; a name already used in the programme is 409 metric_name_taken. Needs If-Match (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('metric_name_taken')
  @Put(':metricId')
  @Authenticated({ roles: [...MANAGERS] })
  @ApiIfMatch()
  @ApiOkResponse({ type: MetricView, description: 'Changes the fields given; null clears baseline or target.' })
  async update(
    @IdParam() id: string,
    @IdParam('metricId') metricId: string,
    @Body() body: UpdateMetricDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MetricView> {
    return MetricView.of(await this.metrics.update(id, metricId, version, body));
  }
}
