import { ApiProperty } from '@nestjs/swagger';
import { INTEREST_STATES, POST_DIRECTIONS, POST_KINDS, POST_STATES, sharesContact, type PartnerInterest, type PartnerPost, type SuggestionReason, type SuggestionScore } from '@samverka/partners';
import { VersionedView } from '@samverka/platform';

/** What a post's view needs besides the post: names and titles looked up once per page, and who is reading. */
export interface PostViewContext {
  readerId: string;
  readerIsAdmin: boolean;
  today: string;
  authorNames: ReadonlyMap<string, string>;
  challengeTitles: ReadonlyMap<string, string>;
  /** The reader's own interests, by post id. */
  myInterests: ReadonlyMap<string, PartnerInterest>;
  /** Addresses of posters who accepted the reader's interest, by user id. */
  emails: ReadonlyMap<string, string>;
}

export class MyInterestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INTEREST_STATES }) state: string;
  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'The poster’s address, once they accepted; null before.' }) posterEmail: string | null;
}

/** A post on the partner board; send `version` as If-Match to change it. */
@VersionedView()
export class PartnerPostView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: POST_DIRECTIONS }) direction: string;
  @ApiProperty({ enum: POST_KINDS }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) challengeId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The title of the challenge the post is about.' }) challengeTitle: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, nullable: true, description: 'SCB municipality code.' }) municipalityCode: string | null;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ description: 'Past its end date: no longer listed by default, takes no interest.' }) expired: boolean;
  @ApiProperty({ enum: POST_STATES }) state: string;
  @ApiProperty({ description: 'Who wrote it (never their address).' }) authorName: string;
  @ApiProperty({ description: 'Whether you wrote it.' }) mine: boolean;
  @ApiProperty({ description: 'Hidden by an admin: only its author and admins see it.' }) hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden; for its author and admins only.' }) hiddenReason: string | null;
  @ApiProperty({ type: MyInterestView, nullable: true, description: 'Your interest in the post, if you showed any.' }) myInterest: MyInterestView | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(post: PartnerPost, context: PostViewContext): PartnerPostView {
    const mine = post.authorId === context.readerId;
    const interest = context.myInterests.get(post.id);
    return Object.assign(new PartnerPostView(), {
      id: post.id,
      version: post.version,
      direction: post.direction,
      kind: post.kind,
      challengeId: post.challengeId,
      challengeTitle: post.challengeId ? (context.challengeTitles.get(post.challengeId) ?? null) : null,
      title: post.title,
      description: post.description,
      tags: post.tags,
      municipalityCode: post.municipalityCode,
      endsOn: post.endsOn,
      expired: post.endsOn < context.today,
      state: post.state,
      authorName: context.authorNames.get(post.authorId) ?? '',
      mine,
      hidden: post.hiddenAt !== null,
      hiddenReason: mine || context.readerIsAdmin ? post.hiddenReason : null,
      myInterest: interest
        ? { id: interest.id, state: interest.state, posterEmail: sharesContact(interest) ? (context.emails.get(post.authorId) ?? null) : null }
        : null,
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
    });
  }
}

export class PartnerPostPage {
  @ApiProperty({ type: [PartnerPostView] }) items: PartnerPostView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** Someone's interest in a post, as the poster (all of them) or the interested person (their own) sees it. */
export class PartnerInterestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: INTEREST_STATES }) state: string;
  @ApiProperty({ description: 'Who is interested.' }) personName: string;
  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'Their address, only once the poster accepted (both agreed); null before and after a withdrawal.' }) email: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;

  static of(interest: PartnerInterest, names: ReadonlyMap<string, string>, emails: ReadonlyMap<string, string>): PartnerInterestView {
    return Object.assign(new PartnerInterestView(), {
      id: interest.id,
      postId: interest.postId,
      state: interest.state,
      personName: names.get(interest.userId) ?? '',
      email: sharesContact(interest) ? (emails.get(interest.userId) ?? null) : null,
      createdAt: interest.createdAt.toISOString(),
      answeredAt: interest.answeredAt?.toISOString() ?? null,
    });
  }
}

const REASON_CODES: SuggestionReason['code'][] = ['shared_tags', 'same_municipality', 'same_county', 'another_county'];

/** One reason as a code with its numbers; the app words it in the reader's language. */
export class SuggestionReasonView {
  @ApiProperty({ enum: REASON_CODES, description: 'shared_tags: the tags in common (the matching engine’s tag coverage); same_municipality, same_county, another_county: its location component.' }) code: string;
  @ApiProperty({ required: false, description: 'shared_tags: how many of the looking side’s tags the other has.' }) shared?: number;
  @ApiProperty({ required: false, description: 'shared_tags: how many tags the looking side has.' }) wanted?: number;
  @ApiProperty({ type: [String], required: false, description: 'shared_tags: the tags in common.' }) tags?: string[];
}

class ScoredView {
  @ApiProperty({ description: 'In [0, 1]: tag coverage and location, weighted as in a matching run.' }) score: number;
  @ApiProperty({ type: [SuggestionReasonView] }) reasons: SuggestionReasonView[];
}

export class PostSuggestionView extends ScoredView {
  @ApiProperty({ type: PartnerPostView }) post: PartnerPostView;
}

export class ChallengeSuggestionView extends ScoredView {
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) municipalityCode: string | null;
}

export class PartnerSuggestionsView {
  @ApiProperty({ type: [PostSuggestionView], description: 'Open posts of the other direction and the same kind, best first (at most 10).' }) posts: PostSuggestionView[];
  @ApiProperty({ type: [ChallengeSuggestionView], description: 'Open challenges you can see, best first (at most 10).' }) challenges: ChallengeSuggestionView[];
}

export const scoredView = ({ score, reasons }: SuggestionScore) => ({ score, reasons });
