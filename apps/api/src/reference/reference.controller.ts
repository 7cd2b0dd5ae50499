import { Controller, Get, Query, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, type ApiPropertyOptions } from '@nestjs/swagger';
import { Public } from '@samverka/identity';
import { PROBLEM_CATALOGUE, ReferenceData, TextField, type County, type Municipality, type ProblemCode, type Sdg } from '@samverka/platform';

class SdgView {
  @ApiProperty({ minimum: 1, maximum: 17 }) number: number;
  @ApiProperty({ example: 'Quality education' }) nameEn: string;
  @ApiProperty({ example: 'God utbildning för alla' }) nameSv: string;
}

class CountyView {
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ example: 'Skåne län' }) name: string;
}

class MunicipalityView {
  @ApiProperty({ example: '1283' }) code: string;
  @ApiProperty({ example: 'Helsingborg' }) name: string;
  @ApiProperty({ example: '12' }) countyCode: string;
}

const BILINGUAL: ApiPropertyOptions = { type: 'object', required: ['sv', 'en'], properties: { sv: { type: 'string', maxLength: 200 }, en: { type: 'string', maxLength: 200 } } };

class ProblemCodeView {
  @ApiProperty({ type: String, example: 'seats_exhausted', maxLength: 100 }) code: ProblemCode;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 409 }) status: number;
  @ApiProperty({ ...BILINGUAL, description: 'What went wrong, for people.' } as ApiPropertyOptions) title: { sv: string; en: string };
  @ApiProperty({ ...BILINGUAL, description: 'What the caller can do about it.' } as ApiPropertyOptions) action: { sv: string; en: string };
}

class MunicipalityQuery {
  @TextField({ max: 2, min: 2, optional: true, description: 'Only the municipalities of this county (two-digit SCB code).' })
  county?: string;
}

/** Changes only with a new release; the one part of /api that browsers and proxies may keep. */
const CACHED_FOR_A_DAY = 'public, max-age=86400';

/** Reference data everyone may read: small, fixed lists, so not paginated. */
@ApiTags('reference')
@Public()
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceData) {}

  @ApiOperation({
    summary: 'List the UN Sustainable Development Goals',
    description: 'The 17 goals by number with Swedish and English names, the values of the sdgs fields. No login needed; not paginated.',
  })
  @Get('sdgs')
  @ApiOkResponse({ type: [SdgView], description: 'The 17 UN Sustainable Development Goals.' })
  @Header('Cache-Control', CACHED_FOR_A_DAY)
  sdgs(): Promise<Sdg[]> {
    return this.reference.sdgs();
  }

  @ApiOperation({
    summary: 'List Swedish counties',
    description: 'Sweden’s counties (län) with their two-digit SCB codes. No login needed; not paginated.',
  })
  @Get('counties')
  @ApiOkResponse({ type: [CountyView], description: "Sweden's 21 counties (län)." })
  @Header('Cache-Control', CACHED_FOR_A_DAY)
  counties(): Promise<County[]> {
    return this.reference.counties();
  }

  @ApiOperation({
    summary: 'List Swedish municipalities',
    description: 'Sweden’s municipalities with their SCB codes and county, the values of municipalityCode fields; ?county= keeps one county’s. No login needed; not paginated.',
  })
  @Get('municipalities')
  @ApiOkResponse({ type: [MunicipalityView], description: "Sweden's 290 municipalities with their county." })
  @Header('Cache-Control', CACHED_FOR_A_DAY)
  municipalities(@Query() query: MunicipalityQuery): Promise<Municipality[]> {
    return this.reference.municipalities(query.county);
  }

  @ApiOperation({
    summary: 'List the problem codes',
    description: 'Every `code` a problem document can carry, with its status, a title and what to do about it in Swedish and English: the catalogue the OpenAPI document and the web app read. No login needed; not paginated.',
  })
  @Get('problems')
  @ApiOkResponse({ type: [ProblemCodeView], description: 'The catalogue of problem codes.' })
  @Header('Cache-Control', CACHED_FOR_A_DAY)
  problems(): ProblemCodeView[] {
    return Object.entries(PROBLEM_CATALOGUE).map(([code, entry]) => ({ code: code as ProblemCode, ...entry }));
  }
}
