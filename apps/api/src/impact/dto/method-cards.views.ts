import { ApiProperty } from '@nestjs/swagger';
import { LICENCES, REUSE_OUTCOMES, type CardReuse, type MethodCardDetails, type MethodCardUse, type MethodCardVersion } from '@samverka/impact';
import { LEARNING_KINDS, TRACK_STAGES, type Track } from '@samverka/tracks';
import { VersionedView } from '@samverka/platform';

export class LinkedLearningView {
  @ApiProperty({ format: 'uuid' }) learningId: string;
  @ApiProperty({ enum: LEARNING_KINDS }) kind: string;
  @ApiProperty({ description: 'The part of the learning promoted onto the card; who wrote the learning is not shown.' }) excerpt: string;
}

export class ReuseView {
  @ApiProperty({ description: 'Tracks that recorded using any version of the card.' }) tracks: number;
  @ApiProperty({ description: 'Distinct cohorts of those tracks.' }) cohorts: number;
  @ApiProperty({ description: 'Distinct departments of those tracks.' }) departments: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(REUSE_OUTCOMES.map((outcome) => [outcome, { type: 'integer', format: 'int32', minimum: 0 }])),
    required: [...REUSE_OUTCOMES],
    description: 'Those tracks by how they ended: graduated_<outcome>, in_progress, or discontinued.',
  })
  outcomes: CardReuse['outcomes'];
}

/** A card summary in lists: its current version. */
export class MethodCardSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The current version; send as If-Match to edit.' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty() whenToUse: string;
  @ApiProperty({ format: 'date-time', description: 'When the current version was written.' }) revisedAt: string;

  static of(current: MethodCardVersion): MethodCardSummaryView {
    const { cardId: id, version, title, whenToUse } = current;
    return Object.assign(new MethodCardSummaryView(), { id, version, title, whenToUse, revisedAt: current.createdAt.toISOString() });
  }
}

export class MethodCardPage {
  @ApiProperty({ type: [MethodCardSummaryView] }) items: MethodCardSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** What every version of a card says. */
class CardContentView {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() whenToUse: string;
  @ApiProperty({ type: [String], description: 'In the order they are taken.' }) steps: string[];
  @ApiProperty() evidence: string;
  @ApiProperty({ type: [LinkedLearningView] }) learnings: LinkedLearningView[];
  @ApiProperty({ format: 'date-time', description: 'When this version was written.' }) revisedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uri', description: 'An imported version: its address where it was published.' }) importedFrom: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...LICENCES, null], description: 'An imported version: the licence it was published under.' }) licence: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'An imported version: how to cite it.' }) citation: string | null;

  protected static contentOf(v: MethodCardVersion) {
    return {
      version: v.version,
      title: v.title,
      whenToUse: v.whenToUse,
      steps: v.steps,
      evidence: v.evidence,
      learnings: v.learnings.map(({ learningId, kind, excerpt }) => ({ learningId, kind, excerpt })),
      revisedAt: v.createdAt.toISOString(),
      importedFrom: v.importedFrom,
      licence: v.licence,
      citation: v.citation,
    };
  }
}

/** One version of a card, as written. */
export class MethodCardVersionView extends CardContentView {
  @ApiProperty({ format: 'uuid' }) cardId: string;

  static of(version: MethodCardVersion): MethodCardVersionView {
    return Object.assign(new MethodCardVersionView(), { cardId: version.cardId, ...CardContentView.contentOf(version) });
  }
}

export class MethodCardVersionPage {
  @ApiProperty({ type: [MethodCardVersionView] }) items: MethodCardVersionView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OriginView {
  @ApiProperty({ format: 'uri', description: 'The card’s public address at the installation that published it.' }) url: string;
  @ApiProperty({ description: 'The installation that published it.' }) installation: string;
}

export class AdaptedFromView {
  @ApiProperty({ format: 'uuid' }) cardId: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 }) version: number;
}

/** A card: its current version (send `version` as If-Match to edit), when it was first promoted, and how far it has travelled. */
@VersionedView()
export class MethodCardView extends CardContentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: ReuseView }) reuse: ReuseView;
  @ApiProperty({ type: OriginView, nullable: true, description: 'An imported card: where it came from. It is never edited here.' }) origin: OriginView | null;
  @ApiProperty({ type: AdaptedFromView, nullable: true, description: 'A local adaptation: the card version it adapts.' }) adaptedFrom: AdaptedFromView | null;

  static ofDetails({ card, current, reuse }: MethodCardDetails): MethodCardView {
    return Object.assign(new MethodCardView(), {
      id: card.id,
      ...CardContentView.contentOf(current),
      createdAt: card.createdAt.toISOString(),
      reuse,
      origin: card.originUrl ? { url: card.originUrl, installation: card.originInstallation ?? '' } : null,
      adaptedFrom: card.adaptedFromCardId && card.adaptedFromVersion ? { cardId: card.adaptedFromCardId, version: card.adaptedFromVersion } : null,
    });
  }
}

export class MethodCardUseView {
  @ApiProperty({ format: 'uuid' }) cardId: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'The title of the version used.' }) title: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who on the track recorded it.' }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;

  static of(use: MethodCardUse): MethodCardUseView {
    const { cardId, version, recordedBy } = use;
    return Object.assign(new MethodCardUseView(), { cardId, version, title: use.used?.title, recordedBy, recordedAt: use.createdAt.toISOString() });
  }
}

export class MethodCardUsePage {
  @ApiProperty({ type: [MethodCardUseView] }) items: MethodCardUseView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A track that used a card, as the card's page lists it: whose, on what, where it stands. */
export class MethodCardTrackUseView {
  @ApiProperty({ format: 'uuid' }) trackId: string;
  @ApiProperty({ description: 'The card version the track used.' }) version: number;
  @ApiProperty({ description: 'The track’s participant.' }) participantName: string;
  @ApiProperty() challengeTitle: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: TRACK_STAGES }) stage: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;

  static of({ use, track }: { use: MethodCardUse; track: Track }, names: ReadonlyMap<string, string>, titles: ReadonlyMap<string, string>): MethodCardTrackUseView {
    return Object.assign(new MethodCardTrackUseView(), {
      trackId: track.id,
      version: use.version,
      participantName: names.get(track.participantId) ?? '',
      challengeTitle: titles.get(track.challengeId) ?? '',
      cohortId: track.cohortId,
      stage: track.stage,
      recordedAt: use.createdAt.toISOString(),
    });
  }
}
