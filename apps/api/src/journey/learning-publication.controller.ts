import { Controller, Delete, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiProblems, IdParam } from '@samverka/platform';
import { LearningPublication, type TrackLearningApproval } from '@samverka/tracks';

export class LearningApprovalView {
  @ApiProperty({ format: 'uuid' }) learningId: string;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;

  static of(approval: TrackLearningApproval): LearningApprovalView {
    return Object.assign(new LearningApprovalView(), { learningId: approval.learningId, approvedAt: approval.approvedAt.toISOString() });
  }
}

/** A manager approves a learning's text for open data, or takes it back. */
@ApiTags('tracks')
@Authenticated({ roles: ['admin', 'programme_manager'] })
@Controller('tracks/:id/learnings/:learningId/publication')
export class LearningPublicationController {
  constructor(private readonly publication: LearningPublication) {}

  @ApiOperation({
    summary: 'Approve a learning’s text for publication',
    description:
      'For the managers of the track’s cohort (404 otherwise). The text is published in the open learnings (GET /api/open/learnings) only while this approval holds, its author consents to research use, and the cohort publishes open data. ' +
      'The text is checked for personal data first: an e-mail address, phone number, personal identity number or a known person’s name is 409 personal_data_in_publication naming the field. ' +
      'The approval is of this text: if the text changes it lapses, and when the author erases their account it is removed (an erased author’s texts are never published; 409 learning_author_erased). Audited; approving again renews it.',
  })
  @ApiProblems('learning_author_erased', 'personal_data_in_publication')
  @Put()
  @ApiOkResponse({ type: LearningApprovalView })
  async approve(@IdParam() id: string, @IdParam('learningId') learningId: string): Promise<LearningApprovalView> {
    return LearningApprovalView.of(await this.publication.approve(id, learningId));
  }

  @ApiOperation({
    summary: 'Withdraw a learning’s text from publication',
    description: 'For the managers of the track’s cohort (404 otherwise). The learning still counts in its group of the open learnings; only its text leaves. Audited; withdrawing what is not approved changes nothing.',
  })
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The text is no longer published.' })
  async withdraw(@IdParam() id: string, @IdParam('learningId') learningId: string): Promise<void> {
    await this.publication.withdraw(id, learningId);
  }
}
