import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MeetingsService, NeedsService } from '@samverka/dialogue';
import { Public } from '@samverka/identity';
import { ApiProblems, IdParam, NoIdempotentReplay } from '@samverka/platform';
import { MeetingPublicView, NeedDto, NeedView, ParticipationView, VoteDto, VotesView } from './dto/dialogue.dto.js';

const TOKEN_PARAM = ApiParam({ name: 'token', description: 'The personal token from the sign-up (mailed as a link).', schema: { type: 'string', minLength: 1, maxLength: 100 } });
// Needs and votes follow needsOpen, not the clock: people often think of a need, or weigh them, after the conversation, until the arranger closes them.
const TAKING_PART = 'Only with a seat (409 signup_not_confirmed) and while the meeting takes needs (409 needs_closed), also after it was held until its arranger closes needs.';

/** What a sign-up's personal link opens: no account, the token is the key. An unknown token is 404. */
@ApiTags('dialogue')
@Public()
@NoIdempotentReplay()
@Controller('dialogue-participation/:token')
export class DialogueParticipationController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly needs: NeedsService,
  ) {}

  @ApiOperation({ summary: 'Open my sign-up', description: 'The meeting, my status (and place in the waiting list), the needs with their votes and my own votes.' })
  @TOKEN_PARAM
  @Get()
  @ApiOkResponse({ type: ParticipationView })
  async get(@Param('token') token: string): Promise<ParticipationView> {
    const { signup, meeting, waitlistPosition, needs, myVotes } = await this.needs.participation(token);
    const counts = await this.meetings.countsOf(meeting.id);
    return Object.assign(new ParticipationView(), {
      meeting: MeetingPublicView.fill(new MeetingPublicView(), { meeting, counts }),
      name: signup.name,
      sector: signup.sector,
      status: signup.status,
      waitlistPosition,
      votesUsed: [...myVotes.values()].reduce((sum, votes) => sum + votes, 0),
      needs: needs.map((need) => Object.assign(NeedView.of(need), { myVotes: myVotes.get(need.need.id) ?? 0 })),
    });
  }

  @ApiOperation({
    summary: 'Cancel my sign-up',
    description:
      'Gives up the seat or the place in the waiting list; the first on the waiting list gets the seat and is mailed. Cancelling again changes nothing. Once the meeting has begun there is nothing to give up: 409 dialogue_meeting_past, and no one moves up. Audited.',
  })
  @ApiProblems('dialogue_meeting_past')
  @TOKEN_PARAM
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Cancelled.' })
  async cancel(@Param('token') token: string): Promise<void> {
    await this.meetings.cancel(token);
  }

  @ApiOperation({ summary: 'Add a need', description: `A participant raises a need at the meeting. ${TAKING_PART} Audited.` })
  @ApiProblems('signup_not_confirmed', 'needs_closed')
  @TOKEN_PARAM
  @Post('needs')
  @ApiCreatedResponse({ type: NeedView })
  async addNeed(@Param('token') token: string, @Body() body: NeedDto): Promise<NeedView> {
    return NeedView.of(await this.needs.addByParticipant(token, body));
  }

  @ApiOperation({
    summary: 'Set my votes on a need',
    description: `Each participant spreads the meeting’s votes over its needs; going past them is 409 votes_exhausted (with what is left), also when votes are sent at once. A merged need is 409 need_merged. ${TAKING_PART}`,
  })
  @ApiProblems('signup_not_confirmed', 'needs_closed', 'votes_exhausted', 'need_merged')
  @TOKEN_PARAM
  @Put('votes/:needId')
  @ApiOkResponse({ type: VotesView })
  async vote(@Param('token') token: string, @IdParam('needId') needId: string, @Body() body: VoteDto): Promise<VotesView> {
    return Object.assign(new VotesView(), await this.needs.vote(token, needId, body.votes));
  }
}
