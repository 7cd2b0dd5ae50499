import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { IdParam } from '@samverka/platform';
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
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: PreferenceView, description: 'Replaces your ranking of the cohort’s approved challenges (selecting or running cohorts).' })
  async rankChallenges(@IdParam() cohortId: string, @Body() body: RankChallengesDto): Promise<PreferenceView> {
    return PreferenceView.of(await this.preferences.rankChallenges(cohortId, body.challengeIds));
  }

  @Put('challenges/:challengeId')
  @Authenticated({ roles: ['department_member'] })
  @ApiOkResponse({ type: PreferenceView, description: 'Replaces your department’s ranking of participants for one of its challenges.' })
  async rankParticipants(@IdParam() cohortId: string, @IdParam('challengeId') challengeId: string, @Body() body: RankParticipantsDto): Promise<PreferenceView> {
    return PreferenceView.of(await this.preferences.rankParticipants(cohortId, challengeId, body.participantIds));
  }
}
