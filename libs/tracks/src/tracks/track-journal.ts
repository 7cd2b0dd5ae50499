import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, CurrentActor, paginate, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import type { DeepPartial, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TrackRecords } from '../access/track-access.js';
import { TrackNotices, type TrackMessage } from './track-notices.js';
import type { Track } from './track.entity.js';

/** An entry written on a track: it names its track and its author. */
interface TrackEntry extends ObjectLiteral {
  id: string;
  trackId: string;
  authorId: string | null;
}

export interface EntryOrder<E> {
  /** SQL of the sort column on alias `e`, e.g. `e.created_at`. */
  sortColumn: string;
  sortValue: (entry: E) => string;
}

/**
 * What every kind of entry on a track shares: only people on the track read or write them,
 * and a write commits with its audit event and the notice to the others on the track.
 */
@Injectable()
export class TrackJournal {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly notices: TrackNotices,
    private readonly actor: CurrentActor,
  ) {}

  private repository<E extends TrackEntry>(entity: new () => E) {
    return this.txHost.tx.getRepository(entity);
  }

  async list<E extends TrackEntry>(trackId: string, entity: new () => E, page: PageQueryDto, order: EntryOrder<E>, narrow?: (qb: SelectQueryBuilder<E>) => void): Promise<Page<E>> {
    await this.access.require(TrackRecords, 'read', trackId);
    const qb = this.repository(entity).createQueryBuilder('e').where('e.track_id = :trackId', { trackId });
    narrow?.(qb);
    return paginate(qb, page, { sortColumn: order.sortColumn, idColumn: 'e.id', direction: 'ASC', keyOf: (entry) => [order.sortValue(entry), entry.id] });
  }

  /**
   * Writes one entry. The track is share-locked meanwhile, so its stage cannot move between the
   * rules `build` checks and the commit.
   */
  async add<E extends TrackEntry>(trackId: string, entity: new () => E, build: (track: Track) => Promise<NoInfer<DeepPartial<E>>> | NoInfer<DeepPartial<E>>, event: { action: string; message: TrackMessage }): Promise<E> {
    return this.txHost.withTransaction(async () => {
      const track = await this.access.require(TrackRecords, 'read', trackId, { lock: 'pessimistic_read' });
      const entries = this.repository(entity);
      const entry = await entries.save(entries.create({ ...(await build(track)), trackId, authorId: this.actor.required.id } as DeepPartial<E>));
      await this.recorded(track, entry.id, event);
      return entry;
    });
  }

  /** The audit event and the notice of a change to an entry. */
  async recorded(track: Track, entryId: string, event: { action: string; message: TrackMessage }): Promise<void> {
    await this.audit.record({ action: event.action, entityType: 'track', entityId: track.id, details: { entryId } });
    await this.notices.tell(track, event.action, event.message, { emailToo: false, data: { entryId } });
  }
}
