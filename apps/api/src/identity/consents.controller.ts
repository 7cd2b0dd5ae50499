import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Authenticated, ConsentsService, type ConsentPurpose, type ConsentState } from '@samverka/identity';
import { ApiIfMatch, BooleanField, CurrentActor, IfMatchVersion, IntField, TextField, VersionedView } from '@samverka/platform';

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
  @ApiProperty() title: { sv: string; en: string };
  @ApiProperty() text: { sv: string; en: string };
  @ApiProperty({ description: 'The current wording; answer this version.' }) textVersion: number;
  @ApiPropertyOptional({ nullable: true, description: 'Your latest answer; null when never asked.' }) given: boolean | null;
  @ApiPropertyOptional({ nullable: true, description: 'Which wording your answer was to.' }) answeredTextVersion: number | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) decidedAt: string | null;

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

  @Get('me/consents')
  @Authenticated()
  @ApiOkResponse({ type: [ConsentView], description: 'Every purpose this installation asks about, with your latest answer.' })
  async mine(): Promise<ConsentView[]> {
    return (await this.consents.stateOf(this.actor.required.id)).map(ConsentView.of);
  }

  @Put('me/consents/:purpose')
  @Authenticated()
  @ApiOkResponse({ type: ConsentView, description: 'Recorded with its time; earlier answers are kept.' })
  async decide(@Param('purpose') purpose: string, @Body() body: DecideConsentDto): Promise<ConsentView> {
    return ConsentView.of(await this.consents.decide(this.actor.required.id, purpose, body.given, body.textVersion));
  }

  @Get('consent-purposes')
  @Authenticated({ roles: ['admin'] })
  @ApiOkResponse({ type: [ConsentPurposeView] })
  async purposes(): Promise<ConsentPurposeView[]> {
    return (await this.consents.listPurposes()).map(ConsentPurposeView.of);
  }

  @Put('consent-purposes/:key')
  @Authenticated({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ConsentPurposeView, description: 'A changed text gets a new textVersion, so people are asked again.' })
  async reword(
    @Param('key') key: string,
    @Body() body: RewordPurposeDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ConsentPurposeView> {
    const purpose = await this.consents.reword(key, version, body);
    return ConsentPurposeView.of(purpose);
  }
}
