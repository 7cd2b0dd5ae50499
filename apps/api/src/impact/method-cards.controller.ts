import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MethodCardsService, MethodCardUsesService, type MethodCardDetails } from '@samverka/impact';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, etagOf, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import type { Response } from 'express';
import { ON_A_TRACK } from '../journey/tracks.controller.js';
import { MethodCardDto, MethodCardQuery, MethodCardUseDto, MethodCardVersionParams } from './dto/method-cards.dto.js';
import { MethodCardPage, MethodCardSummaryView, MethodCardUsePage, MethodCardUseView, MethodCardVersionPage, MethodCardVersionView, MethodCardView } from './dto/method-cards.views.js';

/** The card with its current version as ETag, for the next If-Match. */
function withEtag(details: MethodCardDetails, response: Response): MethodCardView {
  response.setHeader('ETag', etagOf(details.card.version));
  return MethodCardView.ofDetails(details);
}

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
  async create(@Body() body: MethodCardDto, @Res({ passthrough: true }) response: Response): Promise<MethodCardView> {
    return withEtag(await this.cards.create(body), response);
  }

  @Get(':id')
  @ApiOkResponse({ type: MethodCardView, description: 'The current version, with its reuse across tracks, cohorts and departments; the ETag header carries the version.' })
  async get(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<MethodCardView> {
    return withEtag(await this.cards.get(id), response);
  }

  @Put(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: MethodCardView, description: 'Writes the next version; the previous ones stay readable.' })
  async revise(@IdParam() id: string, @Body() body: MethodCardDto, @IfMatchVersion() version: number | undefined, @Res({ passthrough: true }) response: Response): Promise<MethodCardView> {
    return withEtag(await this.cards.revise(id, version, body), response);
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
