import { ApiProperty } from '@nestjs/swagger';
import { TRACK_STAGES, type Board, type BoardCard } from '@samverka/tracks';

class BoardCriterionView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
}

export class TrackBoardCardView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The participant (user id).' }) participantId: string;
  @ApiProperty({ description: 'The participant’s display name.' }) participantName: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() challengeTitle: string;
  @ApiProperty({ enum: TRACK_STAGES }) stage: string;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: string;
  @ApiProperty({
    type: [String],
    description: 'Gates still to pass on the way to graduation: test_plan, test_session, graduation_criterion:<key> (the outcome comes with the move itself). Empty for ended tracks.',
  })
  openGates: string[];

  static of({ track, challengeTitle, openGates }: BoardCard, names: ReadonlyMap<string, string>): TrackBoardCardView {
    const { id, participantId, challengeId, stage } = track;
    return Object.assign(new TrackBoardCardView(), {
      id,
      participantId,
      participantName: names.get(participantId) ?? '',
      challengeId,
      challengeTitle,
      stage,
      stageEnteredAt: track.stageEnteredAt.toISOString(),
      openGates,
    });
  }
}

export class TrackBoardView {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: [BoardCriterionView], description: 'The cohort’s graduation criteria, naming the keys in openGates.' }) criteria: BoardCriterionView[];
  @ApiProperty({ type: [TrackBoardCardView], description: 'Every track of the cohort, longest in its stage first.' }) tracks: TrackBoardCardView[];

  static of(board: Board, names: ReadonlyMap<string, string>): TrackBoardView {
    return Object.assign(new TrackBoardView(), {
      cohortId: board.cohortId,
      criteria: board.criteria.map(({ key, label }) => ({ key, label })),
      tracks: board.cards.map((card) => TrackBoardCardView.of(card, names)),
    });
  }
}
