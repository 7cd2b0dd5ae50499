import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { APPLICATION_STATES, ASSIGNMENT_STATUSES, ReviewAssignmentsService, type ApplicationState, type AssignmentStatus, type ReviewerAssignment } from '@samverka/programmes';
import { ApiPageResponse, EnumField, IdParam, mapPage, type Page, PageQueryDto } from '@samverka/platform';

class ReviewAssignmentQuery extends PageQueryDto {
  @EnumField(ASSIGNMENT_STATUSES, { optional: true, description: 'Only assignments with this status, e.g. to_review for what waits for you.' })
  status?: AssignmentStatus;
}

class ReviewAssignmentView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ description: 'Who applied, so that you can tell whether you have a conflict of interest.' }) applicantName: string;
  @ApiProperty({ enum: APPLICATION_STATES }) applicationState: ApplicationState;
  @ApiProperty({
    enum: ASSIGNMENT_STATUSES,
    description: 'to_review: waits for your review; reviewed: you have scored it (you may change it until the decision); conflict_declared: you declared a conflict of interest; closed: decided without your review.',
  })
  status: AssignmentStatus;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When you last saved your review.' }) reviewedAt: string | null;

  static of(assignment: ReviewerAssignment): ReviewAssignmentView {
    return Object.assign(new ReviewAssignmentView(), {
      ...assignment,
      submittedAt: assignment.submittedAt.toISOString(),
      reviewedAt: assignment.reviewedAt?.toISOString() ?? null,
    });
  }
}

@ApiTags('reviewing')
@Authenticated({ roles: ['reviewer'] })
@Controller('me/review-assignments')
export class ReviewAssignmentsController {
  constructor(private readonly assignments: ReviewAssignmentsService) {}

  @ApiOperation({
    summary: 'List my review assignments',
    description: 'The applications assigned to you across cohorts, and those you declared a conflict of interest with, oldest submission first, paginated; ?status= keeps one status.',
  })
  @Get()
  @ApiPageResponse(ReviewAssignmentView, 'Your assignments with the applicant’s and cohort’s names and where you stand.')
  async list(@Query() query: ReviewAssignmentQuery): Promise<Page<ReviewAssignmentView>> {
    return mapPage(await this.assignments.listMine(query, query.status), ReviewAssignmentView.of);
  }

  @ApiOperation({
    summary: 'Get one of my review assignments',
    description: 'By application id: one assigned to you or one you declared a conflict with; any other application is 404.',
  })
  @Get(':id')
  @ApiOkResponse({ type: ReviewAssignmentView })
  async get(@IdParam() id: string): Promise<ReviewAssignmentView> {
    return ReviewAssignmentView.of(await this.assignments.getMine(id));
  }
}
