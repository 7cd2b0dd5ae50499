import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, ConflictError, CurrentActor, isUniqueViolation, NotFoundError, paginate, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { LearningDirectory, type Track } from '@samverka/tracks';
import { MethodCard, MethodCardUse, MethodCardVersion } from './method-card.entity.js';

/** Which card versions a track used: recorded and read by the people on the track only (others: 404). */
@Injectable()
export class MethodCardUsesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tracks: LearningDirectory,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get uses() {
    return this.txHost.tx.getRepository(MethodCardUse);
  }

  async list(trackId: string, page: PageQueryDto): Promise<Page<MethodCardUse>> {
    await this.tracks.assertOnTrack(trackId);
    const qb = this.uses.createQueryBuilder('u').innerJoin('u.used', 'v').addSelect(['v.cardId', 'v.version', 'v.title']).where('u.track_id = :trackId', { trackId });
    return paginate(qb, page, { sortColumn: 'u.created_at', idColumn: 'u.id', direction: 'ASC', keyOf: (u) => [u.createdAt.toISOString(), u.id] });
  }

  /**
   * Where a card was used: each recorded use on a track the caller is on or manages, oldest
   * first, with the track. Uses on other tracks count only in the card's reuse figures.
   */
  async onTracks(cardId: string): Promise<{ use: MethodCardUse; track: Track }[]> {
    if (!(await this.txHost.tx.getRepository(MethodCard).existsBy({ id: cardId }))) throw new NotFoundError('Method card', cardId);
    const uses = await this.uses.find({ where: { cardId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const tracks = new Map((await this.tracks.readableTracks([...new Set(uses.map((use) => use.trackId))])).map((track) => [track.id, track]));
    return uses.flatMap((use) => {
      const track = tracks.get(use.trackId);
      return track ? [{ use, track }] : [];
    });
  }

  /** Records that the track used one version of a card; each version is recorded once per track (409 after). */
  async record(trackId: string, cardId: string, version: number): Promise<MethodCardUse> {
    try {
      return await this.txHost.withTransaction(async () => {
        await this.tracks.assertOnTrack(trackId);
        const used = await this.txHost.tx.getRepository(MethodCardVersion).findOne({ where: { cardId, version }, select: { cardId: true, version: true, title: true } });
        if (!used) throw await this.unknownVersion(cardId, version);
        const use = await this.uses.save(this.uses.create({ trackId, cardId, version, recordedBy: this.actor.required.id }));
        await this.audit.record({ action: 'track.method_card_used', entityType: 'track', entityId: trackId, details: { cardId, version } });
        return Object.assign(use, { used });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('method_card_use_recorded', `The track has already recorded version ${version} of method card ${cardId}.`, { cardId, version });
      throw error;
    }
  }

  /** Names the field that is wrong: the card, or only the version. */
  private async unknownVersion(cardId: string, version: number): Promise<ValidationFailedError> {
    const card = await this.txHost.tx.getRepository(MethodCard).findOneBy({ id: cardId });
    return card
      ? new ValidationFailedError([{ field: 'version', message: `method card ${cardId} has no version ${version} (current: ${card.version})` }])
      : new ValidationFailedError([{ field: 'cardId', message: `method card ${cardId} was not found` }]);
  }
}
