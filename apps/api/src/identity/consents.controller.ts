import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated, ConsentsService, type ConsentPurpose, type ConsentState } from '@samverka/identity';
import { ApiIfMatch, ApiProblems, BooleanField, CurrentActor, IfMatchVersion, IntField, TextField, VersionedView } from '@samverka/platform';

class DecideConsentDto {
  @BooleanField({ description: 'true gives consent, false withdraws it.' })
  given: boolean;

  @IntField({ min: 1, description: 'The textVersion you were shown: a consent answers one wording.' })
  textVersion: number;
}

class RewordPurposeDto {
  @TextField({ max: 200 }) titleSv: string;
  @TextField({ max: 200 }) titleEn: string;
  @TextField({ max: 5000, multiline: true }) textSv: string;
  @TextField({ max: 5000, multiline: true }) textEn: string;
  @BooleanField({ description: 'Inactive purposes are no longer asked.' }) active: boolean;
}

@VersionedView()
class ConsentPurposeView {
  @ApiProperty({ example: 'research_use' }) key: string;
  @ApiProperty() textVersion: number;
  @ApiProperty() titleSv: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() textSv: string;
  @ApiProperty() textEn: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'For If-Match when rewording.' }) version: number;

  static of(purpose: ConsentPurpose): ConsentPurposeView {
    const { key, textVersion, titleSv, titleEn, textSv, textEn, active, version } = purpose;
    return Object.assign(new ConsentPurposeView(), { key, textVersion, titleSv, titleEn, textSv, textEn, active, version });
  }
}

class ConsentView {
  @ApiProperty({ example: 'research_use' }) purpose: string;
  @ApiProperty({ type: 'object', required: ['sv', 'en'], properties: { sv: { type: 'string', maxLength: 10000 }, en: { type: 'string', maxLength: 10000 } } }) title: { sv: string; en: string };
  @ApiProperty({ type: 'object', required: ['sv', 'en'], properties: { sv: { type: 'string', maxLength: 10000 }, en: { type: 'string', maxLength: 10000 } } }) text: { sv: string; en: string };
  @ApiProperty({ description: 'The current wording; answer this version.' }) textVersion: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Your latest answer; null when never asked.' }) given: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Which wording your answer was to.' }) answeredTextVersion: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;

  static of({ purpose, latest }: ConsentState): ConsentView {
    return Object.assign(new ConsentView(), {
      purpose: purpose.key,
      title: { sv: purpose.titleSv, en: purpose.titleEn },
      text: { sv: purpose.textSv, en: purpose.textEn },
      textVersion: purpose.textVersion,
      given: latest?.given ?? null,
      answeredTextVersion: latest?.textVersion ?? null,
      decidedAt: latest?.recordedAt.toISOString() ?? null,
    });
  }
}

@ApiTags('consents')
@Controller()
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly actor: CurrentActor,
  ) {}

  @ApiOperation({
    summary: 'List my consents',
    description: 'Every active consent purpose with its current Swedish and English wording and text version, and your latest answer to it (null when never asked).',
  })
  @Get('me/consents')
  @Authenticated()
  @ApiOkResponse({ type: [ConsentView], description: 'Every purpose this installation asks about, with your latest answer.' })
  async mine(): Promise<ConsentView[]> {
    return (await this.consents.stateOf(this.actor.required.id)).map(ConsentView.of);
  }

  @ApiOperation({
    summary: 'Give or withdraw consent for a purpose',
    description: 'Records a new answer with its time and the text version it answers; earlier answers are kept and the change is audited. An unknown or inactive purpose is 404; answering an outdated textVersion is 409 consent_text_changed naming the current one.',
  })
  @ApiProblems('consent_text_changed')
  @Put('me/consents/:purpose')
  @Authenticated()
  @ApiOkResponse({ type: ConsentView, description: 'Recorded with its time; earlier answers are kept.' })
  @ApiParam({ name: 'purpose', description: 'The purpose’s key, e.g. `research_use`.', schema: { type: 'string', maxLength: 100, pattern: '^[a-z][a-z0-9_]*$' } })
  async decide(@Param('purpose') purpose: string, @Body() body: DecideConsentDto): Promise<ConsentView> {
    return ConsentView.of(await this.consents.decide(this.actor.required.id, purpose, body.given, body.textVersion));
  }

  @ApiOperation({
    summary: 'List consent purposes',
    description: 'Every consent purpose of the installation, active or not, with both wordings, the current text version and the version for If-Match.',
  })
  @Get('consent-purposes')
  @Authenticated({ roles: ['admin'] })
  @ApiOkResponse({ type: [ConsentPurposeView] })
  async purposes(): Promise<ConsentPurposeView[]> {
    return (await this.consents.listPurposes()).map(ConsentPurposeView.of);
  }

  @ApiOperation({
    summary: 'Reword a consent purpose',
    description: 'Replaces the titles, texts and active flag; a changed title or text raises textVersion, so people are asked again. Needs If-Match (428 without it, 412 when stale); an unknown key is 404, and the change is audited.',
  })
  @Put('consent-purposes/:key')
  @Authenticated({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ConsentPurposeView, description: 'A changed text gets a new textVersion, so people are asked again.' })
  @ApiParam({ name: 'key', description: 'The purpose’s key, e.g. `research_use`.', schema: { type: 'string', maxLength: 100, pattern: '^[a-z][a-z0-9_]*$' } })
  async reword(
    @Param('key') key: string,
    @Body() body: RewordPurposeDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ConsentPurposeView> {
    const purpose = await this.consents.reword(key, version, body);
    return ConsentPurposeView.of(purpose);
  }
}
