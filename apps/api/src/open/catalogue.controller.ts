import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpenCatalogueFacts, type Period } from '@samverka/impact';
import { AppConfig } from '@samverka/platform';
import { dcatCatalogue, openDatasets } from './catalogue.js';
import { OpenData } from './open-data.js';

/** The catalogue a data portal harvests: every open dataset described in DCAT-AP, so nobody types its metadata. */
@ApiTags('open')
@Controller('open/catalogue')
export class CatalogueController {
  constructor(
    private readonly facts: OpenCatalogueFacts,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({
    summary: 'Get the open-data catalogue (DCAT-AP)',
    description:
      'A dcat:Catalog in JSON-LD (DCAT-AP SE), as Sweden’s national data portal harvests it: the datasets (method cards, aggregated learnings, impact figures), each with title and description in Swedish and English, publisher, contact point, licence, temporal coverage, and JSON and CSV distributions.',
  })
  @Get()
  @OpenData({ mediaType: 'application/ld+json' })
  @ApiOkResponse({ schema: { type: 'object', description: 'A JSON-LD document whose root is a dcat:Catalog.' } })
  async catalogue(): Promise<Record<string, unknown>> {
    // Before anything is published, the datasets cover from today on.
    const today: Period = { start: new Date().toISOString().slice(0, 10), end: null };
    const cohorts = (await this.facts.cohortsPeriod()) ?? today;
    const methodCards = (await this.facts.methodCardsPeriod()) ?? today;
    return dcatCatalogue(openDatasets({ methodCards, cohorts }), {
      publicUrl: this.config.PUBLIC_URL,
      installation: this.config.INSTALLATION_NAME,
      contactEmail: this.config.OPEN_DATA_CONTACT_EMAIL ?? this.config.MAIL_FROM,
    });
  }
}
