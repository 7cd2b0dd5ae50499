import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, UsersService } from '@samverka/identity';
import { ApplicationsService, CohortsService, ReviewingService } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, type Page, PageQueryDto } from '@samverka/platform';
import { ReviewConflictView } from './dto/application.dto.js';
import { AddReviewerDto, CohortListQuery, CohortMemberView, CohortView, CreateCohortDto, OpenDataDto, TransitionDto, UpdateCohortDto } from './dto/cohort.dto.js';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly applications: ApplicationsService,
    private readonly reviewing: ReviewingService,
    private readonly users: UsersService,
  ) {}

  @ApiOperation({
    summary: 'List cohorts',
    description: 'Newest first, paginated, filterable by programme and state. Managers see their programmes’ cohorts, entrepreneurs open cohorts and those they applied to, reviewers the cohorts they review for.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiPageResponse(CohortView, 'Managers their programmes’ cohorts; entrepreneurs open ones and those they applied to; reviewers theirs.')
  async list(@Query() query: CohortListQuery): Promise<Page<CohortView>> {
    const page = await this.cohorts.list(query, { programmeId: query.programmeId, state: query.state });
    return { items: page.items.map(CohortView.of), nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Create a cohort',
    description: 'A cohort in state planning of a programme you manage (404 otherwise); questions, rubric and graduation criteria left out are copied from the programme’s defaults. The application window must close after it opens (400); audited, honours Idempotency-Key.',
  })
  @ApiProblems('not_found')
  @Post()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: CohortView })
  async create(@Body() body: CreateCohortDto): Promise<CohortView> {
    return CohortView.of(await this.cohorts.create(body));
  }

  @ApiOperation({
    summary: 'Get a cohort',
    description: 'Visible as in the list, others are 404; the ETag header carries the version for If-Match.',
  })
  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'entrepreneur', 'reviewer'] })
  @ApiOkResponse({ type: CohortView, description: 'The ETag header carries the version for If-Match.' })
  async get(@IdParam() id: string): Promise<CohortView> {
    const cohort = await this.cohorts.get(id);
    return CohortView.of(cohort);
  }

  @ApiOperation({
    summary: 'Update a cohort',
    description: 'Changes the fields given of a cohort you manage. Questions and rubric are frozen once it has left planning, a completed or archived cohort cannot change, and seats cannot drop below the applicants already accepted (each 409). Needs If-Match (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('cohort_closed', 'cohort_content_frozen', 'seats_below_accepted')
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

  @ApiOperation({
    summary: 'Move a cohort to another state',
    description: 'planning → open → selecting → running → completed, and archived from planning or completed; a wrong move is 409 naming the allowed ones. Completing is 409 tracks_under_way while any of its tracks is neither graduated nor discontinued; the move and its reason are audited.',
  })
  @ApiProblems('invalid_transition', 'tracks_under_way')
  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: CohortView, description: 'planning → open → selecting → running → completed; archived from planning or completed. A wrong move is 409 naming the allowed ones.' })
  async transition(@IdParam() id: string, @Body() body: TransitionDto): Promise<CohortView> {
    return CohortView.of(await this.cohorts.transition(id, body.to, body.reason));
  }

  @ApiOperation({
    summary: 'Publish or withdraw a cohort’s open data',
    description:
      'Decides whether the aggregated learnings (GET /api/open/learnings) and impact figures (GET /api/open/impact) of a cohort you manage (404 otherwise) are open data, in any state of the cohort. ' +
      'Even then only groups resting on at least five tracks and three people are published, and a learning’s text only when its author consented to research use and a manager approved it. Audited; setting the value it has already changes nothing.',
  })
  @Put(':id/open-data')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: CohortView, description: 'The cohort with publishesOpenData as set.' })
  async setOpenData(@IdParam() id: string, @Body() body: OpenDataDto): Promise<CohortView> {
    return CohortView.of(await this.cohorts.setOpenData(id, body.publishes));
  }

  @ApiOperation({
    summary: 'List a cohort’s reviewers',
    description: 'The jury of a cohort you manage (404 otherwise) with names and since when, paginated.',
  })
  @Get(':id/reviewers')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(CohortMemberView, 'The cohort’s jury.')
  async reviewers(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CohortMemberView>> {
    const page = await this.cohorts.listReviewers(id, query);
    const names = await this.users.displayNamesOf(page.items.map((r) => r.userId));
    return { items: page.items.map((r) => member(r.userId, names, r.createdAt)), nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Add a reviewer to a cohort',
    description: 'Makes an active user holding the reviewer role a jury member of a cohort you manage; anyone else is 422 not_a_reviewer, and a jury member already 409. Audited.',
  })
  @ApiProblems('already_reviewer', 'not_a_reviewer')
  @Post(':id/reviewers')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: CohortMemberView })
  async addReviewer(@IdParam() id: string, @Body() body: AddReviewerDto): Promise<CohortMemberView> {
    const reviewer = await this.cohorts.addReviewer(id, body.userId);
    return member(reviewer.userId, await this.users.displayNamesOf([reviewer.userId]), reviewer.createdAt);
  }

  @ApiOperation({
    summary: 'List a cohort’s review conflicts',
    description: 'The conflicts of interest its reviewers declared on applications of a cohort you manage (404 otherwise), with the reviewer’s and the applicant’s names, oldest first, paginated.',
  })
  @Get(':id/review-conflicts')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(ReviewConflictView, 'The reviewers’ declared conflicts of interest.')
  async reviewConflicts(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<ReviewConflictView>> {
    const page = await this.reviewing.listConflicts(id, query);
    const names = await this.users.displayNamesOf(page.items.flatMap((c) => [c.reviewerId, c.applicantId]));
    return {
      items: page.items.map((c) =>
        Object.assign(new ReviewConflictView(), {
          id: c.id,
          reviewerId: c.reviewerId,
          reviewerName: names.get(c.reviewerId) ?? '',
          applicationId: c.applicationId,
          applicantName: names.get(c.applicantId) ?? '',
          scope: c.scope,
          reason: c.reason,
          createdAt: c.createdAt.toISOString(),
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  @ApiOperation({
    summary: 'List a cohort’s participants',
    description: 'The accepted applicants of a cohort you manage (404 otherwise), in the order they were accepted, with their application ids.',
  })
  @Get(':id/participants')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(CohortMemberView, 'The accepted applicants.')
  async participants(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<CohortMemberView>> {
    const page = await this.applications.participants(id, query);
    const names = await this.users.displayNamesOf(page.items.map((a) => a.applicantId));
    return {
      items: page.items.map((a) => Object.assign(member(a.applicantId, names, a.decidedAt ?? a.createdAt), { applicationId: a.id })),
      nextCursor: page.nextCursor,
    };
  }
}

/** A page's names come in one query (`displayNamesOf`), not one per row. */
function member(userId: string, names: ReadonlyMap<string, string>, since: Date): CohortMemberView {
  return Object.assign(new CohortMemberView(), { userId, displayName: names.get(userId) ?? '', since: since.toISOString() });
}
