import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { MethodCardPublications, OpenMethodCards } from '@samverka/impact';
import { ApiProblems, AppConfig, IdParam, mapPage, type Page } from '@samverka/platform';
import { MethodCardVersionParams } from '../impact/dto/method-cards.dto.js';
import { OpenData, OpenPageQuery } from './open-data.js';
import { MethodCardPublicationView, OPEN_METHOD_CARD_CSV, OpenCardParams, OpenMethodCardPage, OpenMethodCardQuery, OpenMethodCardView, OpenVersionParams, PublishDto } from './open-method-cards.views.js';

/** Published method cards, for anyone: JSON or CSV, cacheable, with stable addresses to cite. */
@ApiTags('open')
@Controller('open/method-cards')
export class OpenMethodCardsController {
  constructor(
    private readonly cards: OpenMethodCards,
    private readonly config: AppConfig,
  ) {}

  private view = (published: Parameters<typeof OpenMethodCardView.of>[0]) => OpenMethodCardView.of(published, this.config.PUBLIC_URL, this.config.INSTALLATION_NAME);

  @ApiOperation({
    summary: 'List published method cards',
    description:
      'Each card once, at its newest published version, most recently published first, paginated. Filters: UN goal, tag, municipality or county (SCB codes), year published; q searches title and when-to-use as Swedish (and English) full text. JSON, or CSV with ?format=csv or Accept: text/csv.',
  })
  @Get()
  @OpenData({ csv: OPEN_METHOD_CARD_CSV })
  @ApiOkResponse({ type: OpenMethodCardPage, description: 'Newest published first.' })
  async list(@Query() query: OpenMethodCardQuery): Promise<Page<OpenMethodCardView>> {
    const { limit, cursor, format: _format, ...filter } = query;
    return mapPage(await this.cards.list(filter, { limit, cursor }), this.view);
  }

  @ApiOperation({
    summary: 'Get a published method card',
    description: 'Its newest published version, by slug or id. A card whose every version was withdrawn is 410 with the last citation; one never published is 404.',
  })
  @Get(':card')
  @OpenData({ csv: OPEN_METHOD_CARD_CSV })
  @ApiProblems('publication_withdrawn')
  @ApiOkResponse({ type: OpenMethodCardView })
  async get(@Param() params: OpenCardParams): Promise<OpenMethodCardView> {
    return this.view(await this.cards.latest(params.card));
  }

  @ApiOperation({
    summary: 'List a method card’s published versions',
    description: 'Newest first, paginated; withdrawn versions are left out (their addresses answer 410).',
  })
  @Get(':card/versions')
  @OpenData({ csv: OPEN_METHOD_CARD_CSV })
  @ApiOkResponse({ type: OpenMethodCardPage })
  async versions(@Param() params: OpenCardParams, @Query() query: OpenPageQuery): Promise<Page<OpenMethodCardView>> {
    return mapPage(await this.cards.versions(params.card, { limit: query.limit, cursor: query.cursor }), this.view);
  }

  @ApiOperation({
    summary: 'Get a published method card version',
    description: 'The stable address to cite: a published version never changes. Withdrawn, it answers 410 with its citation; never published, 404.',
  })
  @Get(':card/versions/:version')
  @OpenData({ csv: OPEN_METHOD_CARD_CSV })
  @ApiProblems('publication_withdrawn')
  @ApiOkResponse({ type: OpenMethodCardView })
  async version(@Param() params: OpenVersionParams): Promise<OpenMethodCardView> {
    return this.view(await this.cards.version(params.card, params.version));
  }
}

/** Managers publish card versions as open data, and withdraw them. */
@ApiTags('method-cards')
@Authenticated({ roles: ['admin', 'programme_manager'] })
@Controller('method-cards/:id')
export class MethodCardPublicationsController {
  constructor(
    private readonly publications: MethodCardPublications,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({
    summary: 'List a method card’s publications',
    description: 'Every version ever published, newest first, with its licence, citation, address and whether it is still published.',
  })
  @Get('publications')
  @ApiOkResponse({ type: [MethodCardPublicationView], description: 'Newest version first; not paginated (a card has a handful of versions).' })
  async list(@IdParam() id: string): Promise<MethodCardPublicationView[]> {
    return (await this.publications.ofCard(id)).map((p) => MethodCardPublicationView.of(p, this.config.PUBLIC_URL));
  }

  @ApiOperation({
    summary: 'Publish a method card version',
    description:
      'Publishes the version as open data under CC BY 4.0 (default) or CC0, with a stable public address and a citation. Its text is checked for names of people the installation knows, e-mail addresses, phone numbers and personnummer: any is 409 naming the fields. The same again changes nothing (or republishes a withdrawn version); another licence is 409. Audited.',
  })
  @Put('versions/:version/publication')
  @ApiProblems('personal_data_in_publication', 'method_card_publication_fixed', 'method_card_imported')
  @ApiOkResponse({ type: MethodCardPublicationView })
  async publish(@Param() params: MethodCardVersionParams, @Body() body: PublishDto): Promise<MethodCardPublicationView> {
    return MethodCardPublicationView.of(await this.publications.publish(params.id, params.version, body.licence ?? 'CC-BY-4.0'), this.config.PUBLIC_URL);
  }

  @ApiOperation({
    summary: 'Unpublish a method card version',
    description: 'Withdraws the version: its public address then answers 410 with the citation. Withdrawing it again changes nothing; a version never published is 404. Audited.',
  })
  @Delete('versions/:version/publication')
  @ApiOkResponse({ type: MethodCardPublicationView })
  async unpublish(@Param() params: MethodCardVersionParams): Promise<MethodCardPublicationView> {
    return MethodCardPublicationView.of(await this.publications.unpublish(params.id, params.version), this.config.PUBLIC_URL);
  }
}
