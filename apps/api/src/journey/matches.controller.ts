import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { IdParam, mapPage, type Page } from '@samverka/platform';
import { MatchesService } from '@samverka/tracks';
import { MatchQuery, RespondDto } from './dto/journey.dto.js';
import { MatchPage, MatchView } from './dto/journey.views.js';
import { ReasonLanguageOf, type ReasonLanguage } from './language.js';

@ApiTags('matches')
@Authenticated()
@Controller('matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  @ApiOkResponse({ type: MatchPage, description: 'Your matches: as a participant, as a department member, or a manager’s cohorts’.' })
  async list(@Query() query: MatchQuery, @ReasonLanguageOf() language: ReasonLanguage): Promise<Page<MatchView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.matches.list(filter, { limit, cursor }), (match) => MatchView.of(match, language));
  }

  @Get(':id')
  @ApiOkResponse({ type: MatchView })
  async get(@IdParam() id: string, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchView> {
    return MatchView.of(await this.matches.get(id), language);
  }

  @Post(':id/respond')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur', 'department_member'] })
  @ApiOkResponse({ type: MatchView, description: 'Both sides accepted: confirmed, and the track starts. A decline frees the seat.' })
  async respond(@IdParam() id: string, @Body() body: RespondDto, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchView> {
    return MatchView.of(await this.matches.respond(id, body.response, body.note), language);
  }
}
