import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion } from '@samverka/platform';
import { PreferencesService } from '@samverka/tracks';
import { RankChallengesDto, RankParticipantsDto } from './dto/journey.dto.js';
import { PreferenceView, VisiblePreferencesView } from './dto/journey.views.js';

@ApiTags('preferences')
@Controller('cohorts/:id/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @ApiOperation({
    summary: 'Get the cohort preferences I can see',
    description: 'The cohort’s managers see every ranking; a participant sees their own ranking of challenges, a department member the rankings for their department’s approved challenges. Anyone else gets 404.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] })
  @ApiOkResponse({ type: VisiblePreferencesView, description: 'Participants see their own ranking, departments theirs, managers all.' })
  async visible(@IdParam() cohortId: string): Promise<VisiblePreferencesView> {
    const visible = await this.preferences.visible(cohortId);
    return {
      mine: visible.mine && PreferenceView.of(visible.mine),
      challenges: visible.challenges.map(PreferenceView.of),
      participants: visible.participants.map(PreferenceView.of),
    };
  }

  @ApiOperation({
    summary: 'Rank the cohort’s challenges',
    description: 'Replaces your ranking, as a participant of the cohort (404 otherwise), of its approved challenges, most wanted first; only while the cohort is selecting or running (409 ranking_closed). The first ranking needs no If-Match, replacing one does (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('ranking_closed')
  @Put('mine')
  @ApiIfMatch({ required: false, description: 'Needed to replace an existing ranking: its version ("ETag"). None → 428, stale → 412.' })
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: PreferenceView, description: 'Replaces your ranking of the cohort’s approved challenges (selecting or running cohorts).' })
  async rankChallenges(
    @IdParam() cohortId: string,
    @Body() body: RankChallengesDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<PreferenceView> {
    return PreferenceView.of(await this.preferences.rankChallenges(cohortId, body.challengeIds, version));
  }

  @ApiOperation({
    summary: 'Rank participants for a challenge',
    description: 'Replaces your department’s ranking of the cohort’s participants for one of its approved challenges in the cohort (404 otherwise); only while the cohort is selecting or running (409 ranking_closed). The first ranking needs no If-Match, replacing one does (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('ranking_closed')
  @Put('challenges/:challengeId')
  @ApiIfMatch({ required: false, description: 'Needed to replace an existing ranking: its version ("ETag"). None → 428, stale → 412.' })
  @Authenticated({ roles: ['department_member'] })
  @ApiOkResponse({ type: PreferenceView, description: 'Replaces your department’s ranking of participants for one of its challenges.' })
  async rankParticipants(
    @IdParam() cohortId: string,
    @IdParam('challengeId') challengeId: string,
    @Body() body: RankParticipantsDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<PreferenceView> {
    return PreferenceView.of(await this.preferences.rankParticipants(cohortId, challengeId, body.participantIds, version));
  }
}
