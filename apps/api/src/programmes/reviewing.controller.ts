import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ReviewingService } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, IdParam, IfMatchVersion, mapPage, type Page, PageQueryDto } from '@samverka/platform';
import { AssignmentDto, AssignmentView, ConflictDto, ConflictView } from './dto/application.dto.js';
import { ReviewDto, ReviewView } from './dto/review.dto.js';

@ApiTags('reviewing')
@Controller('applications/:id')
export class ReviewingController {
  constructor(private readonly reviewing: ReviewingService) {}

  @Post('assignments')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiCreatedResponse({ type: AssignmentView, description: 'A reviewer of the cohort without a declared conflict (409 otherwise).' })
  async assign(@IdParam() id: string, @Body() body: AssignmentDto): Promise<AssignmentView> {
    const assignment = await this.reviewing.assign(id, body.reviewerId);
    return Object.assign(new AssignmentView(), {
      id: assignment.id,
      applicationId: assignment.applicationId,
      reviewerId: assignment.reviewerId,
      createdAt: assignment.createdAt.toISOString(),
    });
  }

  @Post('conflicts')
  @Authenticated({ roles: ['reviewer'] })
  @ApiCreatedResponse({ type: ConflictView, description: 'Removes your assignments it covers; your scores there stop counting.' })
  async declareConflict(@IdParam() id: string, @Body() body: ConflictDto): Promise<ConflictView> {
    const { conflict, removedAssignments } = await this.reviewing.declareConflict(id, body.scope, body.reason);
    return Object.assign(new ConflictView(), {
      id: conflict.id,
      scope: conflict.scope,
      applicationId: conflict.applicationId,
      reason: conflict.reason,
      removedAssignments,
      createdAt: conflict.createdAt.toISOString(),
    });
  }

  @Get('reviews')
  @Authenticated({ roles: ['admin', 'programme_manager', 'reviewer'] })
  @ApiPageResponse(ReviewView, 'Managers all; a reviewer their own, and the others’ only after submitting theirs.')
  async list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<ReviewView>> {
    return mapPage(await this.reviewing.listReviews(id, query), ReviewView.of);
  }

  @Post('reviews')
  @Authenticated({ roles: ['reviewer'] })
  @ApiCreatedResponse({ type: ReviewView, description: 'Your one review of an application assigned to you.' })
  async create(@IdParam() id: string, @Body() body: ReviewDto): Promise<ReviewView> {
    const review = await this.reviewing.createReview(id, body);
    return ReviewView.of(review);
  }

  @Put('reviews')
  @Authenticated({ roles: ['reviewer'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: ReviewView, description: 'Changes your review, until the decision.' })
  async update(
    @IdParam() id: string,
    @Body() body: ReviewDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<ReviewView> {
    const review = await this.reviewing.updateReview(id, version, body);
    return ReviewView.of(review);
  }
}
