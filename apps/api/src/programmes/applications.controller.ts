import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, UsersService } from '@samverka/identity';
import { ApplicationsService, type Application } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { AnswersDto, ApplicationListQuery, ApplicationView, DecisionDto, WithdrawDto } from './dto/application.dto.js';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly users: UsersService,
  ) {}

  /** Their applicants' names, in one query however many applications. */
  private namesOf(applications: Application[]): Promise<Map<string, string>> {
    return this.users.displayNamesOf(applications.map((application) => application.applicantId));
  }

  private async view(application: Application): Promise<ApplicationView> {
    return ApplicationView.of(application, await this.namesOf([application]));
  }

  @ApiOperation({
    summary: 'Apply to a cohort',
    description: 'Starts your one application to an open cohort as a draft: 409 cohort_not_open, or already_applied for a second one. Answers are checked against the cohort’s questions (400); audited, honours Idempotency-Key.',
  })
  @ApiProblems('already_applied', 'cohort_not_open')
  @Post('cohorts/:id/applications')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiCreatedResponse({ type: ApplicationView, description: 'A draft; one per entrepreneur per cohort (a second is 409). Answers are checked against the cohort’s questions.' })
  async create(@IdParam() cohortId: string, @Body() body: AnswersDto): Promise<ApplicationView> {
    return this.view(await this.applications.create(cohortId, body.answers));
  }

  @ApiOperation({
    summary: 'List a cohort’s applications',
    description: 'Oldest first, paginated, filterable by state. The cohort’s managers see every application but drafts, an applicant their own, a reviewer those assigned to them; a cohort you cannot see is 404.',
  })
  @Get('cohorts/:id/applications')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiPageResponse(ApplicationView, 'Managers all submitted ones; entrepreneurs their own; reviewers those assigned to them.')
  async list(@IdParam() cohortId: string, @Query() query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    const page = await this.applications.listOfCohort(cohortId, query, query.state);
    const names = await this.namesOf(page.items);
    return mapPage(page, (application) => ApplicationView.of(application, names));
  }

  @ApiOperation({
    summary: 'Get an application',
    description: 'Visible to its applicant, to the cohort’s managers once submitted, and to its assigned reviewers; others get 404. The ETag header carries the version for If-Match.',
  })
  @Get('applications/:id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiOkResponse({ type: ApplicationView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<ApplicationView> {
    return this.view(await this.applications.get(id));
  }

  @ApiOperation({
    summary: 'Replace the answers of my draft application',
    description: 'Only a draft can be edited (409 application_not_editable); the answers are checked against the cohort’s questions (400). Needs If-Match (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('application_not_editable')
  @Put('applications/:id')
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ApplicationView, description: 'Replaces the answers of your draft.' })
  async update(
    @IdParam() id: string,
    @Body() body: AnswersDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ApplicationView> {
    return this.view(await this.applications.updateAnswers(id, version, body.answers));
  }

  @ApiOperation({
    summary: 'Submit my application',
    description: 'draft → submitted, only while the cohort is open and its application window is open (409 application_window_closed), with answers that fit the questions. A wrong move is 409 naming the allowed ones; audited.',
  })
  @ApiProblems('application_window_closed', 'invalid_transition')
  @Post('applications/:id/submit')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Only while the cohort is open and its application window is open (409 otherwise).' })
  async submit(@IdParam() id: string): Promise<ApplicationView> {
    return this.view(await this.applications.submit(id));
  }

  @ApiOperation({
    summary: 'Withdraw my application',
    description: 'draft, submitted or waitlisted → withdrawn, with an optional reason kept in the audit trail; a waitlisted applicant leaves the waiting list (and the scoreboard). Once accepted, rejected or withdrawn it is 409 naming the allowed moves.',
  })
  @ApiProblems('invalid_transition')
  @Post('applications/:id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['entrepreneur'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Possible until the application is accepted or rejected.' })
  async withdraw(@IdParam() id: string, @Body() body: WithdrawDto): Promise<ApplicationView> {
    return this.view(await this.applications.withdraw(id, body.reason));
  }

  @ApiOperation({
    summary: 'Decide on an application',
    description: 'submitted → accepted, waitlisted or rejected, and waitlisted → accepted or rejected (unless the applicant withdrew first), only while the cohort is selecting or running (409). Accepting beyond the cohort’s seats is 409 seats_exhausted; the applicant is notified and the decision audited.',
  })
  @ApiProblems('cohort_not_selecting', 'invalid_transition', 'seats_exhausted')
  @Post('applications/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: ApplicationView, description: 'Accepting beyond the cohort’s seats is 409 (seats_exhausted).' })
  async decide(@IdParam() id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return this.view(await this.applications.decide(id, body.decision, body.note));
  }
}
