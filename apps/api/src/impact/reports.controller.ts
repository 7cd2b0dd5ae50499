import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ReportsService, type ReportName } from '@samverka/impact';
import { IdParam } from '@samverka/platform';
import type { FastifyReply } from 'fastify';
import { ChallengesReport, FunnelReport, GraduationsReport, LearningsReport, MetricsOverTimeReport, MetricsReport, ReportQuery, SdgCoverageReport, StageTimesReport } from './dto/reports.dto.js';
import { reportResponse, type ReportBody } from './report-response.js';

/** The cohort's reports for its programme's managers (and admins); each also as CSV with ?format=csv. */
@ApiTags('reports')
@Authenticated({ roles: ['admin', 'programme_manager'] })
@ApiProduces('application/json', 'text/csv')
@Controller('cohorts/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiOperation({
    summary: 'Get a cohort’s funnel report',
    description: 'The count at each step with its share of the previous one: applications ever submitted, accepted, confirmed matches, tracks that entered the test environment, graduated tracks. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('funnel')
  @ApiOkResponse({ type: FunnelReport, description: 'Applications → accepted → matched → in test → graduated.' })
  funnel(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'funnel', query, response);
  }

  @ApiOperation({
    summary: 'Get the time tracks spend per stage',
    description: 'For each stage before graduation, the number of finished stays and their median, minimum and maximum in days; stays still going are left out. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('stage-times')
  @ApiOkResponse({ type: StageTimesReport, description: 'Days spent per track stage: median, min and max of the finished stays.' })
  stageTimes(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'stage-times', query, response);
  }

  @ApiOperation({
    summary: 'Get challenges per department with their outcomes',
    description: 'Per department, the cohort’s challenges by state and their tracks: discontinued, and graduated per outcome. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('challenges')
  @ApiOkResponse({ type: ChallengesReport, description: 'Per department: its challenges by state and the outcomes of their tracks.' })
  challenges(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'challenges', query, response);
  }

  @ApiOperation({
    summary: 'Get a cohort’s SDG coverage',
    description: 'For each of the 17 goals: the cohort’s challenges naming it, accepted participants whose profile names it, and measurements of metrics linked to it. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('sdg-coverage')
  @ApiOkResponse({ type: SdgCoverageReport, description: 'Per UN SDG 1–17: challenges, participants and measurements.' })
  sdgCoverage(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'sdg-coverage', query, response);
  }

  @ApiOperation({
    summary: 'Get a cohort’s metric totals',
    description: 'Per metric of the programme: the cohort’s measurements and follow-ups counted, summed and averaged, with the share of the way from baseline to target reached. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('metrics')
  @ApiOkResponse({ type: MetricsReport, description: 'Per metric of the programme: the cohort’s measurements summed and averaged against baseline and target.' })
  metrics(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'metrics', query, response);
  }

  @ApiOperation({
    summary: 'Get a cohort’s metrics month by month',
    description: 'Per metric and month (YYYY-MM, the month each measurement’s period ends) with measurements in the cohort: the month’s measurements counted and aggregated as the metric says (sum or average), and the same over every measurement up to that month. Ordered by metric name, then month. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('metrics-over-time')
  @ApiOkResponse({ type: MetricsOverTimeReport, description: 'Per metric and month: the month’s aggregate and the aggregate to date.' })
  metricsOverTime(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'metrics-over-time', query, response);
  }

  @ApiOperation({
    summary: 'Get graduations per outcome',
    description: 'The cohort’s graduated tracks counted per graduation outcome, every outcome listed. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('graduations')
  @ApiOkResponse({ type: GraduationsReport, description: 'Graduated tracks per outcome.' })
  graduations(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'graduations', query, response);
  }

  @ApiOperation({
    summary: 'Get learnings per tag and kind',
    description: 'Learning entries across the cohort’s tracks counted per tag and kind with the number of tracks, most frequent first; untagged entries count under a null tag. For a cohort you manage (404 otherwise); ?format=csv gives the same rows as CSV.',
  })
  @Get('learnings')
  @ApiOkResponse({ type: LearningsReport, description: 'Learning entries across the cohort’s tracks per tag and kind (obstacles, enablers, insights, methods), most frequent first.' })
  learnings(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ReportBody | string> {
    return this.answer(id, 'learnings', query, response);
  }

  private async answer(cohortId: string, report: ReportName, query: ReportQuery, response: FastifyReply): Promise<ReportBody | string> {
    return reportResponse(await this.reports.run(cohortId, report), query, response);
  }
}
