import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiProblems, IdParam, type Page } from '@samverka/platform';
import { MatchesService, PartyDirectory } from '@samverka/tracks';
import { MatchQuery, RespondDto } from './dto/journey.dto.js';
import { MatchPage, MatchView, matchViews } from './dto/journey.views.js';
import { ReasonLanguageOf, type ReasonLanguage } from './language.js';

@ApiTags('matches')
@Authenticated()
@Controller('matches')
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly parties: PartyDirectory,
  ) {}

  @ApiOperation({
    summary: 'List my matches',
    description:
      'Oldest first, paginated, filterable by cohort and state: matches where you are the participant, of your departments’ challenges, or of cohorts you manage (admins: all). Each names its challenge, department and participant, with what the department is shown of the participant’s profile. Reasons are in Swedish unless Accept-Language prefers English.',
  })
  @Get()
  @ApiOkResponse({ type: MatchPage, description: 'Your matches: as a participant, as a department member, or a manager’s cohorts’.' })
  async list(@Query() query: MatchQuery, @ReasonLanguageOf() language: ReasonLanguage): Promise<Page<MatchView>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.matches.list(filter, { limit, cursor });
    return { items: await matchViews(this.parties, page.items, language), nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Get a match',
    description: 'One match with its state, score, both sides’ answers and the reason it was proposed, if you see it as in the list; others are 404.',
  })
  @Get(':id')
  @ApiOkResponse({ type: MatchView })
  async get(@IdParam() id: string, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchView> {
    const [view] = await matchViews(this.parties, [await this.matches.get(id)], language);
    return view;
  }

  @ApiOperation({
    summary: 'Answer a match proposal',
    description: 'Your side’s accept or decline, as the match’s participant or a member of its challenge’s department (404 otherwise); each side answers once and only while proposed (409). A decline ends the proposal and frees the seat; the second accept confirms it, takes a seat of the challenge (409 when none is left) and starts the track; both sides are notified of either outcome and each answer is audited.',
  })
  @ApiProblems('already_answered', 'challenge_full', 'challenge_unavailable', 'match_closed')
  @Post(':id/respond')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur', 'department_member'] })
  @ApiOkResponse({ type: MatchView, description: 'Both sides accepted: confirmed, and the track starts. A decline frees the seat.' })
  async respond(@IdParam() id: string, @Body() body: RespondDto, @ReasonLanguageOf() language: ReasonLanguage): Promise<MatchView> {
    const [view] = await matchViews(this.parties, [await this.matches.respond(id, body.response, body.note)], language);
    return view;
  }
}
