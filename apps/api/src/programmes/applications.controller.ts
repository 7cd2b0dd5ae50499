import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApplicationsService } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { AnswersDto, ApplicationListQuery, ApplicationView, DecisionDto, WithdrawDto } from './dto/application.dto.js';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('cohorts/:id/applications')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiCreatedResponse({ type: ApplicationView, description: 'A draft; one per entrepreneur per cohort (a second is 409). Answers are checked against the cohort’s questions.' })
  async create(@IdParam() cohortId: string, @Body() body: AnswersDto): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.create(cohortId, body.answers));
  }

  @Get('cohorts/:id/applications')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiPageResponse(ApplicationView, 'Managers all submitted ones; entrepreneurs their own; reviewers those assigned to them.')
  async list(@IdParam() cohortId: string, @Query() query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    return mapPage(await this.applications.listOfCohort(cohortId, query, query.state), ApplicationView.of);
  }

  @Get('applications/:id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiOkResponse({ type: ApplicationView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.get(id));
  }

  @Put('applications/:id')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ApplicationView, description: 'Replaces the answers of your draft.' })
  async update(
    @IdParam() id: string,
    @Body() body: AnswersDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.updateAnswers(id, version, body.answers));
  }

  @Post('applications/:id/submit')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Only while the cohort is open and its application window is open (409 otherwise).' })
  async submit(@IdParam() id: string): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.submit(id));
  }

  @Post('applications/:id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Possible until a decision is taken.' })
  async withdraw(@IdParam() id: string, @Body() body: WithdrawDto): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.withdraw(id, body.reason));
  }

  @Post('applications/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Accepting beyond the cohort’s seats is 409 (seats_exhausted).' })
  async decide(@IdParam() id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return ApplicationView.of(await this.applications.decide(id, body.decision, body.note));
  }
}
