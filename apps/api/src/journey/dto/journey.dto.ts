import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanField, DateField, EnumField, PageQueryDto, TextField, UuidField, UuidListField } from '@samverka/platform';
import { MATCH_RESPONSES, SCORE_COMPONENTS, type MatchResponse, type MatchState, type ScoreWeights } from '@samverka/tracks';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class RankChallengesDto {
  @UuidListField({ maxItems: 500, description: 'Approved challenges of the cohort, most wanted first.' })
  challengeIds: string[];
}

export class RankParticipantsDto {
  @UuidListField({ maxItems: 5000, description: 'Participants of the cohort (user ids), most wanted first.' })
  participantIds: string[];
}

export class PairDto {
  @UuidField({ description: 'A participant (user id).' })
  participantId: string;

  @UuidField({ description: 'A challenge.' })
  challengeId: string;
}

export class WeightsDto implements Partial<ScoreWeights> {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) competences?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) themes?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) sdgs?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) availability?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) location?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) participantPreference?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) challengePreference?: number;
}

export class StartRunDto {
  @EnumField(['optimal', 'stable'] as const, { description: 'optimal: largest total score; stable: deferred acceptance, no blocking pair.' })
  algorithm: 'optimal' | 'stable';

  @EnumField(['participants', 'challenges'] as const, { optional: true, description: 'Stable runs only: which side proposes (participants by default).' })
  proposing?: 'participants' | 'challenges';

  @ApiPropertyOptional({ type: WeightsDto, description: `Weights of the score components (${SCORE_COMPONENTS.join(', ')}); the defaults fill the rest, then they are normalised.` })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  @ApiPropertyOptional({ type: [PairDto], maxItems: 1000, description: 'Pairs that must be in the result.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PairDto)
  pins?: PairDto[];

  @ApiPropertyOptional({ type: [PairDto], maxItems: 10000, description: 'Pairs that must not be proposed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PairDto)
  forbidden?: PairDto[];

  @BooleanField({ optional: true, description: 'Also match participants who already have a live match (default: only those without).' })
  includeMatched?: boolean;
}

export class PublishRunDto {
  @DateField({ optional: true, description: 'Answers are due by this time; afterwards a manager may expire open proposals.' })
  respondBy?: string;
}

export class RespondDto {
  @EnumField(MATCH_RESPONSES, { description: 'Your side’s answer.' })
  response: MatchResponse;

  @TextField({ max: 2000, multiline: true, optional: true })
  note?: string;
}

export class DeclareConflictDto {
  @UuidField({ description: 'The participant (user id).' })
  participantId: string;

  @UuidField()
  challengeId: string;

  @TextField({ max: 2000, multiline: true, description: 'Why the pair must not be matched.' })
  reason: string;
}

export class MatchQuery extends PageQueryDto {
  @UuidField({ optional: true })
  cohortId?: string;

  @EnumField(['proposed', 'confirmed', 'declined', 'expired'] as const, { optional: true })
  state?: MatchState;

  @UuidField({ optional: true, description: 'Only matches on this department’s challenges (for someone in several departments).' })
  departmentId?: string;
}
