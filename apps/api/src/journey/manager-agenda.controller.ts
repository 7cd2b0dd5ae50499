import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ManagerAgendaService, type ManagerAgenda } from '@samverka/tracks';

export class CohortAgendaView {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ description: 'Submitted applications without a decision.' }) applicationsAwaitingDecision: number;
  @ApiProperty({ description: 'Proposed matches whose respondBy has passed.' }) matchesPastDeadline: number;
  @ApiProperty({ description: 'Tracks longer in their current stage than the cohort’s stageNormDays for it.' }) tracksStuck: number;
}

export class ManagerAgendaView {
  @ApiProperty({ description: 'Submitted challenges waiting for review that you may review.' }) challengesAwaitingReview: number;
  @ApiProperty({ type: [CohortAgendaView], description: 'Cohorts you manage with something waiting, newest first; the others are left out.' }) cohorts: CohortAgendaView[];
}

@ApiTags('me')
@Controller('me/manager-agenda')
export class ManagerAgendaController {
  constructor(private readonly agenda: ManagerAgendaService) {}

  @ApiOperation({
    summary: 'What waits for me as a programme manager',
    description:
      'Counts for the home page: challenges waiting for review, and per open, selecting or running cohort you manage (admins: every one) the applications waiting for a decision, the proposed matches past their answer deadline and the tracks stuck longer in a stage than the cohort’s norm.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: ManagerAgendaView })
  forMe(): Promise<ManagerAgenda> {
    return this.agenda.forCaller();
  }
}
