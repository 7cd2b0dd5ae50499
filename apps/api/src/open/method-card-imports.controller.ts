import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { LICENCES, MethodCardImports, type ImportedCard, type ImportOutcome, type Licence, type OpenImportHost } from '@samverka/impact';
import { ApiProblems, AppConfig, fetchOutbound, flattenValidationErrors, IntField, TextField, TextListField, UnprocessableError, ValidationFailedError } from '@samverka/platform';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUrl, Matches, MaxLength, validateSync } from 'class-validator';

/** The largest number of versions one document may carry: a page of the open list. */
const MAX_CARDS_PER_DOCUMENT = 100;

/** A published version as /api/open/method-cards serves it; other fields are ignored. */
class ImportedCardDto implements ImportedCard {
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  url: string;

  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  cardUrl: string;

  @IntField({ min: 1, max: 2_147_483_647 })
  version: number;

  @TextField({ max: 200 })
  title: string;

  @TextField({ max: 4000, multiline: true })
  whenToUse: string;

  @TextListField({ maxItems: 50, maxLength: 2000, multiline: true })
  steps: string[];

  @TextField({ max: 8000, multiline: true })
  evidence: string;

  @IsIn(LICENCES)
  licence: Licence;

  @TextField({ max: 1000 })
  citation: string;

  @TextField({ max: 200 })
  publisher: string;
}

/** The method card versions in an open-data document: one version, or a page of them (`items`). */
function cardsOf(document: unknown): ImportedCard[] {
  const items = typeof document === 'object' && document !== null && Array.isArray((document as { items?: unknown }).items) ? (document as { items: unknown[] }).items : [document];
  if (!items.length || items.length > MAX_CARDS_PER_DOCUMENT) throw new UnprocessableError('import_not_open_data', `A document carries 1 to ${MAX_CARDS_PER_DOCUMENT} method card versions.`);
  return items.map((item, index) => {
    const card = plainToInstance(ImportedCardDto, item);
    const errors = typeof item === 'object' && item !== null ? validateSync(card, { whitelist: true }) : [];
    if (typeof item !== 'object' || item === null || errors.length) {
      const prefix = items.length > 1 || document !== item ? `items[${index}]` : '';
      throw new UnprocessableError('import_not_open_data', 'The document is not a published method card version.', { errors: flattenValidationErrors(errors, prefix) });
    }
    return card;
  });
}

export class ImportDto {
  @ApiPropertyOptional({ format: 'uri', maxLength: 2000, example: 'https://samverka.example.se/api/open/method-cards/unga-bokar-sjalva/versions/2', description: 'A published version (or card) at another installation, on a host an admin allowed.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Instead of url: the open JSON of one version, or a page of them, as another installation serves it (e.g. from an uploaded file).' })
  @IsOptional()
  @IsObject()
  document?: Record<string, unknown>;
}

class ImportOutcomeView {
  @ApiProperty({ format: 'uuid', description: 'The card here: GET /api/method-cards/{cardId} reads it.' }) cardId: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, description: 'Its version here.' }) version: number;
  @ApiProperty({ maxLength: 200, description: 'The version’s title, as imported (for a version imported before, as it was then).' }) title: string;
  @ApiProperty({ format: 'uri', description: 'The version’s address where it is published.' }) sourceUrl: string;
  @ApiProperty({ description: 'False when this version had been imported before: nothing changed.' }) created: boolean;
}

class ImportResultView {
  @ApiProperty({ type: [ImportOutcomeView] }) items: ImportOutcome[];
}

class ImportHostDto {
  @TextField({ max: 253, example: 'samverka.malmo.se', description: 'A host name, without scheme or port.' })
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, { message: 'host must be a host name' })
  host: string;
}

class ImportHostView {
  @ApiProperty({ maxLength: 253 }) host: string;
  @ApiProperty({ format: 'date-time' }) allowedAt: string;

  static of(host: OpenImportHost): ImportHostView {
    return Object.assign(new ImportHostView(), { host: host.host, allowedAt: host.createdAt.toISOString() });
  }
}

/** Admins import method cards other installations published, from hosts they allowed. */
@ApiTags('method-cards')
@Authenticated({ roles: ['admin'] })
@Controller()
export class MethodCardImportsController {
  constructor(
    private readonly imports: MethodCardImports,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({
    summary: 'Import published method cards',
    description:
      'From a URL of another installation’s /api/open/method-cards (a version, a card, or a page of them) or from its JSON given as document. Imported cards keep their origin, licence and citation, can be used on tracks, and are never edited here. A version imported before is left as it is (created: false). The fetch takes only https addresses on hosts an admin allowed, never private addresses, no redirect to another host, within OPEN_IMPORT_MAX_BYTES and OPEN_IMPORT_TIMEOUT_MS; a refusal is 422 import_source_refused with its reason. Audited.',
  })
  @Post('method-cards/imports')
  @HttpCode(200)
  @ApiProblems('import_source_refused', 'import_not_open_data')
  @ApiOkResponse({ type: ImportResultView })
  async import(@Body() body: ImportDto): Promise<ImportResultView> {
    if (Boolean(body.url) === Boolean(body.document)) throw new ValidationFailedError([{ field: 'url', message: 'give either url or document' }]);
    const document = body.document ?? (await this.fetch(body.url as string));
    return { items: await this.imports.importCards(cardsOf(document)) };
  }

  private async fetch(url: string): Promise<unknown> {
    const response = await fetchOutbound(url, {
      isAllowedHost: (host) => this.imports.isAllowedHost(host),
      insecureHosts: this.config.OPEN_IMPORT_INSECURE_HOSTS,
      maxBytes: this.config.OPEN_IMPORT_MAX_BYTES,
      timeoutMs: this.config.OPEN_IMPORT_TIMEOUT_MS,
      accept: 'application/json',
    });
    try {
      return JSON.parse(response.body.toString('utf8')) as unknown;
    } catch {
      throw new UnprocessableError('import_not_open_data', 'The address did not answer with JSON.');
    }
  }

  @ApiOperation({ summary: 'List the hosts imports may fetch from', description: 'By name.' })
  @Get('open-import-hosts')
  @ApiOkResponse({ type: [ImportHostView], description: 'Not paginated: a handful of hosts.' })
  async hosts(): Promise<ImportHostView[]> {
    return (await this.imports.hosts()).map(ImportHostView.of);
  }

  @ApiOperation({ summary: 'Allow a host to import from', description: 'Imports fetch only from allowed hosts, over https. Allowing it again changes nothing. Audited.' })
  @Post('open-import-hosts')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportHostView })
  async allow(@Body() body: ImportHostDto): Promise<ImportHostView> {
    return ImportHostView.of(await this.imports.allowHost(body.host));
  }

  @ApiOperation({ summary: 'Stop allowing a host', description: 'Cards imported from it stay. Audited; a host not allowed is 404.' })
  @Delete('open-import-hosts/:host')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'No longer allowed.' })
  async remove(@Param() params: ImportHostDto): Promise<void> {
    await this.imports.removeHost(params.host);
  }
}
