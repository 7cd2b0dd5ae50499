import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MethodCardsService, MethodCardUsesService } from '@samverka/impact';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { ON_A_TRACK } from '../journey/tracks.controller.js';
import { MethodCardDto, MethodCardQuery, MethodCardUseDto, MethodCardVersionParams } from './dto/method-cards.dto.js';
import { MethodCardPage, MethodCardSummaryView, MethodCardUsePage, MethodCardUseView, MethodCardVersionPage, MethodCardVersionView, MethodCardView } from './dto/method-cards.views.js';

/** The programme's shared knowledge: every signed-in user reads it, managers write it. */
@ApiTags('method-cards')
@Authenticated()
@Controller('method-cards')
export class MethodCardsController {
  constructor(private readonly cards: MethodCardsService) {}

  @Get()
  @ApiOkResponse({ type: MethodCardPage, description: 'Current versions, most recently revised first.' })
  async list(@Query() query: MethodCardQuery): Promise<Page<MethodCardSummaryView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.cards.list(filter, { limit, cursor }), MethodCardSummaryView.of);
  }

  @Post()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: MethodCardView, description: 'Promotes learnings on tracks you are on into a card at version 1; a learning not found is 400 naming it.' })
  async create(@Body() body: MethodCardDto): Promise<MethodCardView> {
    return MethodCardView.ofDetails(await this.cards.create(body));
  }

  @Get(':id')
  @ApiOkResponse({ type: MethodCardView, description: 'The current version, with its reuse across tracks, cohorts and departments; the ETag header carries the version.' })
  async get(@IdParam() id: string): Promise<MethodCardView> {
    return MethodCardView.ofDetails(await this.cards.get(id));
  }

  @Put(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: MethodCardView, description: 'Writes the next version; the previous ones stay readable.' })
  async revise(@IdParam() id: string, @Body() body: MethodCardDto, @IfMatchVersion() version: number | undefined): Promise<MethodCardView> {
    return MethodCardView.ofDetails(await this.cards.revise(id, version, body));
  }

  @Get(':id/versions')
  @ApiOkResponse({ type: MethodCardVersionPage, description: 'Newest first.' })
  async listVersions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MethodCardVersionView>> {
    return mapPage(await this.cards.listVersions(id, query), MethodCardVersionView.of);
  }

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

  @Get()
  @ApiOkResponse({ type: MethodCardUsePage, description: 'In the order recorded.' })
  async list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MethodCardUseView>> {
    return mapPage(await this.uses.list(id, query), MethodCardUseView.of);
  }

  @Post()
  @ApiCreatedResponse({ type: MethodCardUseView, description: 'A card or version that does not exist is 400 naming the field; recording the same version twice is 409 method_card_use_recorded.' })
  async record(@IdParam() id: string, @Body() body: MethodCardUseDto): Promise<MethodCardUseView> {
    return MethodCardUseView.of(await this.uses.record(id, body.cardId, body.version));
  }
}
