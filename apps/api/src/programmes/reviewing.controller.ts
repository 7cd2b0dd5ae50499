import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ReviewingService } from '@samverka/programmes';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, mapPage, type Page, PageQueryDto } from '@samverka/platform';
import { AssignedReviewerView, AssignmentDto, AssignmentView, ConflictDto, ConflictView } from './dto/application.dto.js';
import { ReviewDto, ReviewView } from './dto/review.dto.js';

@ApiTags('reviewing')
@Controller('applications/:id')
export class ReviewingController {
  constructor(private readonly reviewing: ReviewingService) {}

  @ApiOperation({
    summary: 'Assign a reviewer to an application',
    description: 'The application must be submitted (409) and in a cohort you manage (404), the reviewer on that cohort’s jury (422), neither the applicant nor conflicted (409 reviewer_conflicted). A second assignment of the same reviewer is 409; audited.',
  })
  @ApiProblems('already_assigned', 'application_not_under_review', 'not_a_cohort_reviewer', 'reviewer_conflicted')
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

  @ApiOperation({
    summary: 'List an application’s assigned reviewers',
    description: 'For the managers of its cohort (404 otherwise): who is assigned, since when, and whether each has submitted their review, in the order assigned, paginated. The scores are in the reviews; a reviewer who declared a conflict is no longer assigned.',
  })
  @Get('reviewers')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiPageResponse(AssignedReviewerView, 'The assigned reviewers with their names and whether their review is in.')
  async reviewers(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<AssignedReviewerView>> {
    return mapPage(await this.reviewing.listAssignedReviewers(id, query), AssignedReviewerView.of);
  }

  @ApiOperation({
    summary: 'Declare a conflict of interest with an application',
    description: 'For an application assigned to you: scope application covers it, scope applicant every application of the same applicant. The assignments it covers are removed, so your scores there stop counting and you cannot be assigned again; audited.',
  })
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

  @ApiOperation({
    summary: 'List an application’s reviews',
    description: 'Reviews by the currently assigned reviewers, oldest first. The cohort’s managers see all; an assigned reviewer sees their own, and the others’ once they have written theirs; anyone else gets 404.',
  })
  @Get('reviews')
  @Authenticated({ roles: ['admin', 'programme_manager', 'reviewer'] })
  @ApiPageResponse(ReviewView, 'Managers all; a reviewer their own, and the others’ only after submitting theirs.')
  async list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<ReviewView>> {
    return mapPage(await this.reviewing.listReviews(id, query), ReviewView.of);
  }

  @ApiOperation({
    summary: 'Review an application',
    description: 'Your one review of a submitted application assigned to you: a whole score 1–5 for every rubric criterion (400 otherwise) and an optional comment. A second review is 409 already_reviewed, and after the decision 409 review_closed; audited.',
  })
  @ApiProblems('already_reviewed', 'review_closed')
  @Post('reviews')
  @Authenticated({ roles: ['reviewer'] })
  @ApiCreatedResponse({ type: ReviewView, description: 'Your one review of an application assigned to you.' })
  async create(@IdParam() id: string, @Body() body: ReviewDto): Promise<ReviewView> {
    const review = await this.reviewing.createReview(id, body);
    return ReviewView.of(review);
  }

  @ApiOperation({
    summary: 'Change my review of an application',
    description: 'Replaces your scores, and your comment when given, until the decision (409 review_closed after). Needs If-Match (428 without it, 412 when stale); audited.',
  })
  @ApiProblems('not_reviewed_yet', 'review_closed')
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
