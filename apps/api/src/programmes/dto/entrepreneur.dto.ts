import { ApiProperty } from '@nestjs/swagger';
import { ENTREPRENEUR_KINDS, type EntrepreneurKind, type ProfileWithCounty } from '@samverka/programmes';
import { EnumField, IntField, LanguageListField, SdgListField, TextField, TextListField, VersionedView } from '@samverka/platform';

export class ProfileDto {
  @EnumField(ENTREPRENEUR_KINDS, { description: 'What kind of innovator you are.' })
  kind: EntrepreneurKind;

  @TextField({ max: 200, optional: true, description: 'Your organisation or venture.' })
  organisation?: string;

  @TextListField({ optional: true, maxItems: 30, maxLength: 80, description: 'Competences; stored trimmed, lower-case, each once.', example: ['service design', 'python'] })
  competences?: string[];

  @TextListField({ optional: true, maxItems: 30, maxLength: 80, description: 'Themes you work on; stored trimmed, lower-case, each once.', example: ['loneliness', 'elderly care'] })
  themes?: string[];

  @SdgListField({ optional: true, example: [3, 10] })
  sdgs?: number[];

  @LanguageListField({ optional: true, description: 'Languages you work in, ISO 639-1.', example: ['sv', 'en', 'ar'] })
  languages?: string[];

  @TextField({ min: 4, max: 4, optional: true, nullable: true, description: 'Your municipality, SCB code (see /api/reference/municipalities).', example: '1283' })
  municipalityCode?: string | null;

  @IntField({ min: 0, max: 168, optional: true, nullable: true, description: 'Hours per week you can give.' })
  hoursPerWeek?: number | null;

  @TextField({ max: 2000, multiline: true, optional: true, description: 'A short pitch.' })
  pitch?: string;
}

@VersionedView()
export class ProfileView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ENTREPRENEUR_KINDS }) kind: EntrepreneurKind;
  @ApiProperty() organisation: string;
  @ApiProperty({ type: [String] }) competences: string[];
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: String, nullable: true, example: '1283' }) municipalityCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12', description: 'The county of the municipality.' }) countyCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek: number | null;
  @ApiProperty() pitch: string;
  @ApiProperty({ description: 'Send as If-Match to change the profile.' }) version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of({ profile, countyCode }: ProfileWithCounty): ProfileView {
    return Object.assign(new ProfileView(), {
      userId: profile.userId,
      kind: profile.kind,
      organisation: profile.organisation,
      competences: profile.competences,
      themes: profile.themes,
      sdgs: profile.sdgs,
      languages: profile.languages,
      municipalityCode: profile.municipalityCode,
      countyCode,
      hoursPerWeek: profile.hoursPerWeek,
      pitch: profile.pitch,
      version: profile.version,
      updatedAt: profile.updatedAt.toISOString(),
    });
  }
}
