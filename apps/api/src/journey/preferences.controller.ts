import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { IdParam, IfMatchVersion } from '@samverka/platform';
import { PreferencesService } from '@samverka/tracks';
import { RankChallengesDto, RankParticipantsDto } from './dto/journey.dto.js';
import { PreferenceView, VisiblePreferencesView } from './dto/journey.views.js';

@ApiTags('preferences')
@Controller('cohorts/:id/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

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

  @Put('mine')
  @ApiHeader({ name: 'If-Match', required: false, description: 'Needed to replace an existing ranking: its version ("ETag"). None → 428, stale → 412.' })
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: PreferenceView, description: 'Replaces your ranking of the cohort’s approved challenges (selecting or running cohorts).' })
  async rankChallenges(
    @IdParam() cohortId: string,
    @Body() body: RankChallengesDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<PreferenceView> {
    return PreferenceView.of(await this.preferences.rankChallenges(cohortId, body.challengeIds, version));
  }

  @Put('challenges/:challengeId')
  @ApiHeader({ name: 'If-Match', required: false, description: 'Needed to replace an existing ranking: its version ("ETag"). None → 428, stale → 412.' })
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
