import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Challenge, ChallengeRecords } from '@samverka/challenges';
import { AccessPolicy } from '@samverka/platform';
import { PartnerPostRecords } from '../access/partner-access.js';
import { PartnerPost } from '../posts/partner-post.entity.js';
import { TODAY_SQL } from '../posts/partner-posts.service.js';
import { scoreSuggestion, type Scored, type SuggestionScore } from './suggestion-score.js';

export interface PostSuggestion extends SuggestionScore {
  post: PartnerPost;
}

export interface ChallengeSuggestion extends SuggestionScore {
  challenge: Pick<Challenge, 'id' | 'title' | 'municipalityCode'>;
}

export interface Suggestions {
  posts: PostSuggestion[];
  challenges: ChallengeSuggestion[];
}

/** Challenges still looking for partners: approved into a cohort, or matched with seats possibly left. */
const OPEN_CHALLENGE_STATES = ['approved', 'matched'];
const LIMIT = 10;

const best = <S extends SuggestionScore>(scored: (S | null)[]): S[] =>
  scored.filter((s): s is S => s !== null).sort((a, b) => b.score - a.score).slice(0, LIMIT);

/**
 * What Samverka suggests for a post: open posts of the other direction and the same kind, and open
 * challenges the reader can see, sharing at least one tag; best first. The side that looks for
 * something is the one whose tags are covered (a challenge always looks for).
 */
@Injectable()
export class PartnerSuggestionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly policy: AccessPolicy,
  ) {}

  async forPost(postId: string): Promise<Suggestions> {
    const post = await this.policy.require(PartnerPostRecords, 'read', postId);
    if (!post.tags.length) return { posts: [], challenges: [] };
    const wants = post.direction === 'look_for';

    const others = await this.txHost.tx
      .getRepository(PartnerPost)
      .createQueryBuilder('p')
      .where(`p.state = 'open' AND p.hidden_at IS NULL AND p.ends_on >= ${TODAY_SQL}`)
      .andWhere('p.direction <> :direction AND p.kind = :kind AND p.author_id <> :authorId AND p.tags && :tags', { direction: post.direction, kind: post.kind, authorId: post.authorId, tags: post.tags })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getMany();
    const posts = best(others.map((other) => withScore(wants ? scoreSuggestion(post, other) : scoreSuggestion(other, post), { post: other })));

    const open = this.txHost.tx
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .where('c.state IN (:...openStates)', { openStates: OPEN_CHALLENGE_STATES })
      .andWhere('(c.competences && :tags OR c.themes && :tags)', { tags: post.tags })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC');
    const challenges = await (await this.policy.filter(open, ChallengeRecords, 'read')).getMany();
    const scoredChallenges = best(
      challenges.map((c) => {
        const need: Scored = { tags: [...c.competences, ...c.themes], municipalityCode: c.municipalityCode };
        return withScore(wants ? scoreSuggestion(post, need) : scoreSuggestion(need, post), { challenge: { id: c.id, title: c.title, municipalityCode: c.municipalityCode } });
      }),
    );
    return { posts, challenges: scoredChallenges };
  }
}

const withScore = <T extends object>(score: SuggestionScore | null, subject: T): (SuggestionScore & T) | null => (score ? { ...score, ...subject } : null);
