import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeRecords } from '@samverka/challenges';
import {
  AccessPolicy,
  assertVersion,
  AuditTrail,
  ConflictError,
  CurrentActor,
  normaliseTags,
  Outbox,
  paginate,
  ReferenceData,
  ValidationFailedError,
  type Page,
  type PageQueryDto,
} from '@samverka/platform';
import { PartnerPostRecords } from '../access/partner-access.js';
import { PartnerPost, type PostDirection, type PostKind } from './partner-post.entity.js';

/** What an author writes on a post. */
export interface PartnerPostContent {
  direction: PostDirection;
  kind: PostKind;
  challengeId?: string | null;
  title: string;
  description: string;
  tags: string[];
  municipalityCode?: string | null;
  /** YYYY-MM-DD, today or later. */
  endsOn: string;
}

export interface PartnerPostFilter {
  direction?: PostDirection;
  kind?: PostKind;
  tag?: string;
  municipalityCode?: string;
  /** Posts past their end date too. */
  includeExpired?: boolean;
  /** Only the caller's own posts, withdrawn ones included. */
  mine?: boolean;
}

/** Today in the installation's time zone (Sweden), as PostgreSQL's `date` compares it. */
export const TODAY_SQL = `(now() AT TIME ZONE 'Europe/Stockholm')::date`;

/** The partner board: posts that look for or offer something, written by any signed-in person. */
@Injectable()
export class PartnerPostsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly policy: AccessPolicy,
    private readonly reference: ReferenceData,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly actor: CurrentActor,
  ) {}

  private get posts() {
    return this.txHost.tx.getRepository(PartnerPost);
  }

  /** Newest first: open posts not past their end date unless asked, and hidden ones only for their author and admins. */
  async list(filter: PartnerPostFilter, page: PageQueryDto): Promise<Page<PartnerPost>> {
    const qb = await this.policy.filter(this.posts.createQueryBuilder('p'), PartnerPostRecords, 'read');
    if (filter.mine) qb.andWhere('p.author_id = :me', { me: this.actor.required.id });
    else qb.andWhere(`p.state = 'open'`);
    if (!filter.includeExpired) qb.andWhere(`p.ends_on >= ${TODAY_SQL}`);
    if (filter.direction) qb.andWhere('p.direction = :direction', { direction: filter.direction });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.tag) qb.andWhere('p.tags @> ARRAY[:tag]::text[]', { tag: normaliseTags([filter.tag])[0] ?? '' });
    if (filter.municipalityCode) qb.andWhere('p.municipality_code = :municipalityCode', { municipalityCode: filter.municipalityCode });
    return paginate(qb, page, { sortColumn: 'p.created_at', idColumn: 'p.id', direction: 'DESC', keyOf: (p) => [p.createdAt.toISOString(), p.id] });
  }

  get(id: string): Promise<PartnerPost> {
    return this.policy.require(PartnerPostRecords, 'read', id);
  }

  async create(content: PartnerPostContent): Promise<PartnerPost> {
    return this.txHost.withTransaction(async () => {
      const fields = await this.checked(content);
      const post = await this.posts.save(this.posts.create({ ...fields, authorId: this.actor.required.id }));
      await this.audit.record({ action: 'partner_post.created', entityType: 'partner_post', entityId: post.id, to: post.state, details: { direction: post.direction, kind: post.kind } });
      return post;
    });
  }

  /** The author's edit, on the version they read (412 when stale); a withdrawn post stays as it was. */
  async update(id: string, expectedVersion: number | undefined, content: PartnerPostContent): Promise<PartnerPost> {
    return this.txHost.withTransaction(async () => {
      const post = await this.policy.require(PartnerPostRecords, 'edit', id, { lock: 'pessimistic_write' });
      assertVersion('partner post', expectedVersion, post.version);
      if (post.state === 'withdrawn') throw new ConflictError('partner_post_closed', 'A withdrawn post cannot change.');
      Object.assign(post, await this.checked(content));
      const saved = await this.posts.save(post);
      await this.audit.record({ action: 'partner_post.updated', entityType: 'partner_post', entityId: id, details: { version: saved.version } });
      return saved;
    });
  }

  async withdraw(id: string, expectedVersion: number | undefined): Promise<PartnerPost> {
    return this.txHost.withTransaction(async () => {
      const post = await this.policy.require(PartnerPostRecords, 'edit', id, { lock: 'pessimistic_write' });
      assertVersion('partner post', expectedVersion, post.version);
      if (post.state === 'withdrawn') throw new ConflictError('partner_post_closed', 'The post is withdrawn already.');
      post.state = 'withdrawn';
      const saved = await this.posts.save(post);
      await this.audit.record({ action: 'partner_post.withdrawn', entityType: 'partner_post', entityId: id, from: 'open', to: 'withdrawn' });
      return saved;
    });
  }

  /** An admin hides a post from everyone but its author, who is told why. */
  async hide(id: string, expectedVersion: number | undefined, reason: string): Promise<PartnerPost> {
    return this.txHost.withTransaction(async () => {
      const post = await this.policy.require(PartnerPostRecords, 'moderate', id, { lock: 'pessimistic_write' });
      assertVersion('partner post', expectedVersion, post.version);
      if (post.hiddenAt) throw new ConflictError('partner_post_closed', 'The post is hidden already.');
      Object.assign(post, { hiddenAt: new Date(), hiddenReason: reason, hiddenBy: this.actor.required.id });
      const saved = await this.posts.save(post);
      await this.audit.record({ action: 'partner_post.hidden', entityType: 'partner_post', entityId: id, from: 'visible', to: 'hidden', reason, subjectId: post.authorId });
      await this.outbox.notify({
        type: 'partner_post.hidden',
        recipientIds: [post.authorId],
        title: { sv: 'Ditt inlägg på partnertavlan är dolt', en: 'Your post on the partner board is hidden' },
        body: { sv: reason, en: reason },
        data: { postId: id },
        wordsAbout: post.authorId,
      });
      return saved;
    });
  }

  /**
   * An admin undoes a hiding: the post is listed again as it was, and its author is told. The
   * reason leaves the post (it no longer applies); the audit trail keeps it with the hiding.
   */
  async unhide(id: string, expectedVersion: number | undefined): Promise<PartnerPost> {
    return this.txHost.withTransaction(async () => {
      const post = await this.policy.require(PartnerPostRecords, 'moderate', id, { lock: 'pessimistic_write' });
      assertVersion('partner post', expectedVersion, post.version);
      if (!post.hiddenAt) throw new ConflictError('partner_post_not_hidden', 'The post is not hidden.');
      Object.assign(post, { hiddenAt: null, hiddenReason: null, hiddenBy: null });
      const saved = await this.posts.save(post);
      await this.audit.record({ action: 'partner_post.unhidden', entityType: 'partner_post', entityId: id, from: 'hidden', to: 'visible' });
      await this.outbox.notify({
        type: 'partner_post.unhidden',
        recipientIds: [post.authorId],
        title: { sv: 'Ditt inlägg på partnertavlan syns igen', en: 'Your post on the partner board is shown again' },
        body: { sv: post.title, en: post.title },
        data: { postId: id },
        wordsBy: post.authorId,
      });
      return saved;
    });
  }

  /** Normalised fields, with the municipality, the challenge (one the author may read) and the end date checked. */
  private async checked(content: PartnerPostContent): Promise<Omit<PartnerPostContent, 'challengeId' | 'municipalityCode'> & { challengeId: string | null; municipalityCode: string | null }> {
    const { direction, kind, title, description, endsOn } = content;
    const challengeId = content.challengeId ?? null;
    const municipalityCode = content.municipalityCode ?? null;
    if (municipalityCode) await this.reference.assertMunicipality(municipalityCode, 'municipalityCode');
    if (challengeId && !(await this.policy.allows(ChallengeRecords, 'read', challengeId))) {
      throw new ValidationFailedError([{ field: 'challengeId', message: 'no challenge you can see has this id' }]);
    }
    const [{ past }] = await this.txHost.tx.query<{ past: boolean }[]>(`SELECT $1::date < ${TODAY_SQL} AS past`, [endsOn]);
    if (past) throw new ValidationFailedError([{ field: 'endsOn', message: 'the end date must be today or later', code: 'inThePast' }]);
    return { direction, kind, title, description, endsOn, tags: normaliseTags(content.tags), challengeId, municipalityCode };
  }
}
