import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, UsersService } from '@samverka/identity';
import { IdParam } from '@samverka/platform';
import { TrackBoard } from '@samverka/tracks';
import { TrackBoardView } from './dto/track-board.views.js';

@ApiTags('tracks')
@Controller('cohorts/:id/track-board')
export class TrackBoardController {
  constructor(
    private readonly board: TrackBoard,
    private readonly users: UsersService,
  ) {}

  @ApiOperation({
    summary: 'Get a cohort’s track board',
    description: 'Every track of a cohort you manage (404 otherwise) in one answer, unpaged: participant and challenge names, stage, since when, and the gates still open on the way to graduation.',
  })
  @Get()
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiOkResponse({ type: TrackBoardView, description: 'All the cohort’s tracks, longest in their stage first, with their open gates.' })
  async get(@IdParam() id: string): Promise<TrackBoardView> {
    const board = await this.board.of(id);
    // One query for every name on the board, not one per track.
    return TrackBoardView.of(board, await this.users.displayNamesOf(board.cards.map((card) => card.track.participantId)));
  }
}
