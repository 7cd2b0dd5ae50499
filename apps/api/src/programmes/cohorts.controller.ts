import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, UsersService } from '@samverka/identity';
import { ApplicationsService, CohortsService } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, type Page, PageQueryDto } from '@samverka/platform';
import { AddReviewerDto, CohortListQuery, CohortMemberView, CohortView, CreateCohortDto, TransitionDto, UpdateCohortDto } from './dto/cohort.dto.js';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly applications: ApplicationsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiPageResponse(CohortView, 'Managers their programmes’ cohorts; entrepreneurs open ones and those they applied to; reviewers theirs.')
  async list(@Query() query: CohortListQuery): Promise<Page<CohortView>> {
    const page = await this.cohorts.list(query, { programmeId: query.programmeId, state: query.state });
    return { items: page.items.map(CohortView.of), nextCursor: page.nextCursor };
  }

  @Post()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: CohortView })
  async create(@Body() body: CreateCohortDto): Promise<CohortView> {
    return CohortView.of(await this.cohorts.create(body));
  }

  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiOkResponse({ type: CohortView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<CohortView> {
    const cohort = await this.cohorts.get(id);
    return CohortView.of(cohort);
  }

  @Put(':id')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: CohortView, description: 'Questions and rubric cannot change once the cohort is open (409).' })
  async update(
    @IdParam() id: string,
    @Body() body: UpdateCohortDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<CohortView> {
    const cohort = await this.cohorts.update(id, version, body);
    return CohortView.of(cohort);
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: CohortView, description: 'planning → open → selecting → running → completed; archived from planning or completed. A wrong move is 409 naming the allowed ones.' })
  async transition(@IdParam() id: string, @Body() body: TransitionDto): Promise<CohortView> {
    return CohortView.of(await this.cohorts.transition(id, body.to, body.reason));
  }

  @Get(':id/reviewers')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(CohortMemberView, 'The cohort’s jury.')
  async reviewers(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CohortMemberView>> {
    const page = await this.cohorts.listReviewers(id, query);
    return { items: await Promise.all(page.items.map((r) => this.member(r.userId, r.createdAt))), nextCursor: page.nextCursor };
  }

  @Post(':id/reviewers')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: CohortMemberView })
  async addReviewer(@IdParam() id: string, @Body() body: AddReviewerDto): Promise<CohortMemberView> {
    const reviewer = await this.cohorts.addReviewer(id, body.userId);
    return this.member(reviewer.userId, reviewer.createdAt);
  }

  @Get(':id/participants')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(CohortMemberView, 'The accepted applicants.')
  async participants(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CohortMemberView>> {
    const page = await this.applications.participants(id, query);
    return {
      items: await Promise.all(page.items.map(async (a) => ({ ...(await this.member(a.applicantId, a.decidedAt ?? a.createdAt)), applicationId: a.id }))),
      nextCursor: page.nextCursor,
    };
  }

  private async member(userId: string, since: Date): Promise<CohortMemberView> {
    const user = await this.users.findById(userId);
    return Object.assign(new CohortMemberView(), { userId, displayName: user?.displayName ?? '', since: since.toISOString() });
  }
}
