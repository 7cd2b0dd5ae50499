import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ReportsService, type ReportName } from '@samverka/impact';
import { IdParam } from '@samverka/platform';
import type { Response } from 'express';
import { ChallengesReport, FunnelReport, GraduationsReport, LearningsReport, MetricsReport, ReportQuery, SdgCoverageReport, StageTimesReport } from './dto/reports.dto.js';
import { reportResponse, type ReportBody } from './report-response.js';

/** The cohort's reports for its programme's managers (and admins); each also as CSV with ?format=csv. */
@ApiTags('reports')
@Authenticated({ roles: ['admin', 'programme_manager'] })
@ApiProduces('application/json', 'text/csv')
@Controller('cohorts/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('funnel')
  @ApiOkResponse({ type: FunnelReport, description: 'Applications → accepted → matched → in test → graduated.' })
  funnel(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'funnel', query, response);
  }

  @Get('stage-times')
  @ApiOkResponse({ type: StageTimesReport, description: 'Days spent per track stage: median, min and max of the finished stays.' })
  stageTimes(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'stage-times', query, response);
  }

  @Get('challenges')
  @ApiOkResponse({ type: ChallengesReport, description: 'Per department: its challenges by state and the outcomes of their tracks.' })
  challenges(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'challenges', query, response);
  }

  @Get('sdg-coverage')
  @ApiOkResponse({ type: SdgCoverageReport, description: 'Per UN SDG 1–17: challenges, participants and measurements.' })
  sdgCoverage(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'sdg-coverage', query, response);
  }

  @Get('metrics')
  @ApiOkResponse({ type: MetricsReport, description: 'Per metric of the programme: the cohort’s measurements summed and averaged against baseline and target.' })
  metrics(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'metrics', query, response);
  }

  @Get('graduations')
  @ApiOkResponse({ type: GraduationsReport, description: 'Graduated tracks per outcome.' })
  graduations(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'graduations', query, response);
  }

  @Get('learnings')
  @ApiOkResponse({ type: LearningsReport, description: 'Learning entries across the cohort’s tracks per tag and kind (obstacles, enablers, insights, methods), most frequent first.' })
  learnings(@IdParam() id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) response: Response): Promise<ReportBody | string> {
    return this.answer(id, 'learnings', query, response);
  }

  private async answer(cohortId: string, report: ReportName, query: ReportQuery, response: Response): Promise<ReportBody | string> {
    return reportResponse(await this.reports.run(cohortId, report), query, response);
  }
}
