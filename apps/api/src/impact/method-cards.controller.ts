import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MethodCardsService, MethodCardUsesService } from '@samverka/impact';
import { ChallengeDirectory } from '@samverka/challenges';
import { Authenticated, UsersService } from '@samverka/identity';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { ON_A_TRACK } from '../journey/tracks.controller.js';
import { MethodCardDto, MethodCardQuery, NewMethodCardDto, MethodCardUseDto, MethodCardVersionParams } from './dto/method-cards.dto.js';
import { MethodCardPage, MethodCardSummaryView, MethodCardTrackUseView, MethodCardUsePage, MethodCardUseView, MethodCardVersionPage, MethodCardVersionView, MethodCardView } from './dto/method-cards.views.js';

/** The programme's shared knowledge: every signed-in user reads it, managers write it. */
@ApiTags('method-cards')
@Authenticated()
@Controller('method-cards')
export class MethodCardsController {
  constructor(
    private readonly cards: MethodCardsService,
    private readonly uses: MethodCardUsesService,
    private readonly users: UsersService,
    private readonly challenges: ChallengeDirectory,
  ) {}

  @ApiOperation({
    summary: 'List method cards',
    description: 'The current version of every card, most recently revised first, paginated; q searches title and when-to-use as full text.',
  })
  @Get()
  @ApiOkResponse({ type: MethodCardPage, description: 'Current versions, most recently revised first.' })
  async list(@Query() query: MethodCardQuery): Promise<Page<MethodCardSummaryView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.cards.list(filter, { limit, cursor }), MethodCardSummaryView.of);
  }

  @ApiOperation({
    summary: 'Create a method card from learnings',
    description: 'Writes version 1 of a new card (title, when to use, steps, evidence) linking learnings from tracks you are on, each with its text as excerpt unless one is given; a local adaptation of another card (say an imported one) names it in adaptedFrom. Audited; honours Idempotency-Key.',
  })
  @Post()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: MethodCardView, description: 'Promotes learnings on tracks you are on into a card at version 1; a learning not found is 400 naming it.' })
  async create(@Body() body: NewMethodCardDto): Promise<MethodCardView> {
    const { adaptedFrom, ...content } = body;
    return MethodCardView.ofDetails(await this.cards.create(content, adaptedFrom));
  }

  @ApiOperation({
    summary: 'Get a method card',
    description: 'The current version with its reuse: how many tracks, cohorts and departments used any version of it, and how those tracks ended; an unknown card is 404.',
  })
  @Get(':id')
  @ApiOkResponse({ type: MethodCardView, description: 'The current version, with its reuse across tracks, cohorts and departments; the ETag header carries the version.' })
  async get(@IdParam() id: string): Promise<MethodCardView> {
    return MethodCardView.ofDetails(await this.cards.get(id));
  }

  @ApiOperation({
    summary: 'Revise a method card',
    description: 'Writes the next version; learnings already on the card are kept, new ones must be on tracks you are on (400). Needs If-Match with the card’s version (428 without it, 412 when stale); an imported card is never edited here (409 method_card_imported: adapt it as a new card). Audited.',
  })
  @ApiProblems('method_card_imported')
  @Put(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: MethodCardView, description: 'Writes the next version; the previous ones stay readable.' })
  async revise(@IdParam() id: string, @Body() body: MethodCardDto, @IfMatchVersion() version: number | undefined): Promise<MethodCardView> {
    return MethodCardView.ofDetails(await this.cards.revise(id, version, body));
  }

  @ApiOperation({
    summary: 'List a method card’s versions',
    description: 'Every version of the card, newest first, paginated; an unknown card is 404.',
  })
  @Get(':id/versions')
  @ApiOkResponse({ type: MethodCardVersionPage, description: 'Newest first.' })
  async listVersions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MethodCardVersionView>> {
    return mapPage(await this.cards.listVersions(id, query), MethodCardVersionView.of);
  }

  @ApiOperation({
    summary: 'List the tracks that used a method card',
    description: 'Each recorded use of any version of the card on a track you are on or manage (admins: all), oldest first, with the participant’s and challenge’s names and where the track stands; uses on other tracks count only in the card’s reuse figures. An unknown card is 404.',
  })
  @Get(':id/uses')
  @ApiOkResponse({ type: [MethodCardTrackUseView], description: 'Oldest first; not paginated (a card is used on a handful of tracks you can see).' })
  async listUses(@IdParam() id: string): Promise<MethodCardTrackUseView[]> {
    const uses = await this.uses.onTracks(id);
    // One query each for the names and the titles, not one per use.
    const names = await this.users.displayNamesOf(uses.map(({ track }) => track.participantId));
    const titles = await this.challenges.titlesOf([...new Set(uses.map(({ track }) => track.challengeId))]);
    return uses.map((use) => MethodCardTrackUseView.of(use, names, titles));
  }

  @ApiOperation({
    summary: 'Get one version of a method card',
    description: 'A version as it was written; an unknown card or version is 404.',
  })
  @Get(':id/versions/:version')
  @ApiOkResponse({ type: MethodCardVersionView })
  async getVersion(@Param() params: MethodCardVersionParams): Promise<MethodCardVersionView> {
    return MethodCardVersionView.of(await this.cards.version(params.id, params.version));
  }
}

/** Which card versions a track used; everyone on the track records and reads them, nobody else sees them (404). */
@ApiTags('tracks')
@Authenticated({ roles: [...ON_A_TRACK] })
@Controller('tracks/:id/method-cards')
export class TrackMethodCardsController {
  constructor(private readonly uses: MethodCardUsesService) {}

  @ApiOperation({
    summary: 'List the method cards a track used',
    description: 'The card versions recorded on the track, with their titles, paginated; a track you are not on is 404.',
  })
  @Get()
  @ApiOkResponse({ type: MethodCardUsePage, description: 'In the order recorded.' })
  async list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MethodCardUseView>> {
    return mapPage(await this.uses.list(id, query), MethodCardUseView.of);
  }

  @ApiOperation({
    summary: 'Record that a track used a method card',
    description: 'Names the card version the track used, which then counts in the card’s reuse; a track you are not on is 404. Audited; honours Idempotency-Key.',
  })
  @ApiProblems('method_card_use_recorded')
  @Post()
  @ApiCreatedResponse({ type: MethodCardUseView, description: 'A card or version that does not exist is 400 naming the field; recording the same version twice is 409 method_card_use_recorded.' })
  async record(@IdParam() id: string, @Body() body: MethodCardUseDto): Promise<MethodCardUseView> {
    return MethodCardUseView.of(await this.uses.record(id, body.cardId, body.version));
  }
}
