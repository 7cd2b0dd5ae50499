import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChallengesService } from '@samverka/challenges';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, mapPage, type Page, PageQueryDto } from '@samverka/platform';
import { ChallengeContentDto, ChallengeListQuery, ChallengeView, CompareRevisionsQuery, CreateChallengeDto, ReviewChallengeDto, RevisionComparisonView, RevisionView, WithdrawChallengeDto } from './dto/challenge.dto.js';

@ApiTags('challenges')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @ApiOperation({
    summary: 'List challenges',
    description: 'Paginated, filterable by state, department, cohort, SDG, theme, competence and ranked full-text q; sort=review_queue lists submitted ones, oldest submission first. Department members see their departments’ challenges, managers submitted ones not yet in a cohort and those in their cohorts, entrepreneurs the approved ones of cohorts they applied to; entrepreneurs never see the need owner’s contacts.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] })
  @ApiPageResponse(ChallengeView, 'Scoped to what you may see.')
  async list(@Query() query: ChallengeListQuery): Promise<Page<ChallengeView>> {
    const { limit, cursor, ...filters } = query;
    return mapPage(await this.challenges.list(filters, { limit, cursor }), ChallengeView.of);
  }

  @ApiOperation({
    summary: 'Draft a challenge',
    description: 'A draft of one of your departments (404 otherwise); only the title is needed until submission. Test environments must be active ones of that department and SDGs and municipality valid (400); audited, honours Idempotency-Key.',
  })
  @ApiProblems('not_found')
  @Post()
  @Authenticated({ roles: ['department_member'] })
  @ApiCreatedResponse({ type: ChallengeView, description: 'A draft of one of your departments.' })
  async create(@Body() body: CreateChallengeDto): Promise<ChallengeView> {
    const { departmentId, ...content } = body;
    return ChallengeView.ofChallenge(await this.challenges.create(departmentId, content));
  }

  @ApiOperation({
    summary: 'Get a challenge',
    description: 'Visible as in the list, others are 404; entrepreneurs do not see the need owner’s contacts. The ETag header carries the version for If-Match.',
  })
  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] })
  @ApiOkResponse({ type: ChallengeView })
  async get(@IdParam() id: string): Promise<ChallengeView> {
    return ChallengeView.of(await this.challenges.get(id));
  }

  @ApiOperation({
    summary: 'Replace a challenge’s content',
    description: 'Only drafts and challenges with changes requested can be edited (409 challenge_not_editable); fields left out are cleared. Needs If-Match (428 without it, 412 when stale); a challenge outside your departments is 404, and the change is audited.',
  })
  @ApiProblems('challenge_not_editable')
  @Put(':id')
  @Authenticated({ roles: ['department_member'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ChallengeView, description: 'Replaces the content of a draft or of a challenge with changes requested.' })
  async update(
    @IdParam() id: string,
    @Body() body: ChallengeContentDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.update(id, version, body));
  }

  @ApiOperation({
    summary: 'Submit a challenge for review',
    description: 'draft or changes_requested → submitted, freezing the content as a new revision; a wrong move is 409 naming the allowed ones. Missing problem statement, target group, outcome, location or route to adoption, or a test environment retired since, is 400 naming the fields; audited.',
  })
  @ApiProblems('invalid_transition')
  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['department_member'] })
  @ApiOkResponse({ type: ChallengeView, description: 'Submitted for review; the content is frozen as a new revision.' })
  async submit(@IdParam() id: string): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.submit(id));
  }

  @ApiOperation({
    summary: 'Review a submitted challenge',
    description: 'submitted → approved into a cohort of a programme you manage that is still planning, open or selecting, → changes_requested, or → rejected; a comment is required unless approving (400). A wrong move is 409 naming the allowed ones; the department’s members are notified and the review audited.',
  })
  @ApiProblems('cohort_not_taking_challenges', 'invalid_transition')
  @Post(':id/review')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['programme_manager'] })
  @ApiOkResponse({ type: ChallengeView, description: "Approve into a cohort of a programme you manage, request changes, or reject." })
  async review(@IdParam() id: string, @Body() body: ReviewChallengeDto): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.review(id, body));
  }

  @ApiOperation({
    summary: 'Withdraw a challenge',
    description: 'draft, submitted, changes_requested, approved or matched → withdrawn (409 otherwise), refused with 409 while a track on it is under way; its open match proposals expire. A challenge outside your departments is 404 (admins reach any); audited with the reason.',
  })
  @ApiProblems('challenge_has_confirmed_matches', 'invalid_transition')
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['department_member', 'admin'] })
  @ApiOkResponse({ type: ChallengeView, description: 'Possible in any state before in_test.' })
  async withdraw(@IdParam() id: string, @Body() body: WithdrawChallengeDto): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.withdraw(id, body.reason));
  }

  @ApiOperation({
    summary: 'List a challenge’s revisions',
    description: 'One revision per submission, oldest first, each with what changed since the previous one, the review that asked for it and the review it got. A challenge you cannot see is 404.',
  })
  @Get(':id/revisions')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(RevisionView, 'Each with what changed since the previous one and the review that asked for it.')
  async revisions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<RevisionView>> {
    return mapPage(await this.challenges.listRevisions(id, query), RevisionView.of);
  }

  @ApiOperation({
    summary: 'Compare two revisions of a challenge',
    description: 'What changed, field by field, between revisions from and to, with the reviews in between; a challenge you cannot see or an unknown revision is 404.',
  })
  @Get(':id/revisions/compare')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiOkResponse({ type: RevisionComparisonView, description: 'What changed between two revisions, field by field, with the review comments between them.' })
  async compare(@IdParam() id: string, @Query() query: CompareRevisionsQuery): Promise<RevisionComparisonView> {
    return RevisionComparisonView.of(await this.challenges.compareRevisions(id, query.from, query.to));
  }
}
