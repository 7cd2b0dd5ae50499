import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChallengesService } from '@samverka/challenges';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, mapPage, type Page, PageQueryDto } from '@samverka/platform';
import {
  ChallengeContentDto,
  ChallengeListQuery,
  ChallengeView,
  CompareRevisionsQuery,
  CreateChallengeDto,
  ReviewChallengeDto,
  RevisionComparisonView,
  RevisionView,
  WithdrawChallengeDto,
} from './dto/challenge.dto.js';

@ApiTags('challenges')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] })
  @ApiPageResponse(ChallengeView, 'Scoped to what you may see.')
  async list(@Query() query: ChallengeListQuery): Promise<Page<ChallengeView>> {
    const { limit, cursor, ...filters } = query;
    return mapPage(await this.challenges.list(filters, { limit, cursor }), ChallengeView.of);
  }

  @Post()
  @Authenticated({ roles: ['department_member'] })
  @ApiCreatedResponse({ type: ChallengeView, description: 'A draft of one of your departments.' })
  async create(@Body() body: CreateChallengeDto): Promise<ChallengeView> {
    const { departmentId, ...content } = body;
    return ChallengeView.ofChallenge(await this.challenges.create(departmentId, content));
  }

  @Get(':id')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member', 'entrepreneur'] })
  @ApiOkResponse({ type: ChallengeView })
  async get(@IdParam() id: string): Promise<ChallengeView> {
    return ChallengeView.of(await this.challenges.get(id));
  }

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

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['department_member'] })
  @ApiOkResponse({ type: ChallengeView, description: 'Submitted for review; the content is frozen as a new revision.' })
  async submit(@IdParam() id: string): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.submit(id));
  }

  @Post(':id/review')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['programme_manager'] })
  @ApiOkResponse({ type: ChallengeView, description: "Approve into a cohort of a programme you manage, request changes, or reject." })
  async review(@IdParam() id: string, @Body() body: ReviewChallengeDto): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.review(id, body));
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['department_member', 'admin'] })
  @ApiOkResponse({ type: ChallengeView, description: 'Possible in any state before in_test.' })
  async withdraw(@IdParam() id: string, @Body() body: WithdrawChallengeDto): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.challenges.withdraw(id, body.reason));
  }

  @Get(':id/revisions')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiPageResponse(RevisionView, 'Each with what changed since the previous one and the review that asked for it.')
  async revisions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<RevisionView>> {
    return mapPage(await this.challenges.listRevisions(id, query), RevisionView.of);
  }

  @Get(':id/revisions/compare')
  @Authenticated({ roles: ['admin', 'programme_manager', 'department_member'] })
  @ApiOkResponse({ type: RevisionComparisonView, description: 'What changed between two revisions, field by field, with the review comments between them.' })
  async compare(@IdParam() id: string, @Query() query: CompareRevisionsQuery): Promise<RevisionComparisonView> {
    return RevisionComparisonView.of(await this.challenges.compareRevisions(id, query.from, query.to));
  }
}
