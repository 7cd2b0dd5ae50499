import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ScoreboardService, type CohortScoreboard } from '@samverka/programmes';
import { IdParam, toCsv } from '@samverka/platform';
import type { FastifyReply } from 'fastify';
import { ScoreboardQuery, ScoreboardView } from './dto/review.dto.js';

const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);

const CSV_HEADER = ['rank_by_mean', 'rank_by_normalised', 'application_id', 'applicant', 'state', 'reviews', 'weighted_mean', 'spread', 'normalised_score', 'disagreement'];

function toView(board: CohortScoreboard): ScoreboardView {
  return {
    cohortId: board.cohort.id,
    rows: board.rows.map((row) => ({ ...row, weightedMean: round(row.weightedMean), spread: round(row.spread), normalisedScore: round(row.normalisedScore) })),
    reviewers: board.reviewers.map((reviewer) => ({ ...reviewer, mean: round(reviewer.mean) ?? 0, spread: round(reviewer.spread) ?? 0 })),
  };
}

@ApiTags('reviewing')
@Controller('cohorts/:id/scoreboard')
export class ScoreboardController {
  constructor(private readonly scoreboards: ScoreboardService) {}

  @ApiOperation({
    summary: 'Get a cohort’s review scoreboard',
    description: 'Every application in selection (not drafts or withdrawn) with weighted mean, spread, normalised score, ranks and disagreement flag, and per reviewer the count, mean and spread; only reviews of currently assigned reviewers count. A cohort you do not manage is 404; ?format=csv gives the rows as CSV.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ScoreboardView, description: 'Per application: weighted mean, spread, per-reviewer normalised score, ranks, disagreement flag; per reviewer: count, mean, spread. ?format=csv for a spreadsheet.' })
  async get(@IdParam() id: string, @Query() query: ScoreboardQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<ScoreboardView | string> {
    const view = toView(await this.scoreboards.of(id));
    if (query.format !== 'csv') return view;
    response.header('Content-Type', 'text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="scoreboard-${id}.csv"`);
    return toCsv(
      CSV_HEADER,
      view.rows.map((r) => [r.rankByMean, r.rankByNormalised, r.applicationId, r.applicantName, r.state, r.reviewCount, r.weightedMean, r.spread, r.normalisedScore, r.disagreement]),
    );
  }
}
