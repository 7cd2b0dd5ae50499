import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@samverka/platform';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { TrackRecords } from '../access/track-access.js';
import { TrackLearning } from './track-entries.entity.js';
import type { GraduationOutcome, TrackStage } from './track-stages.js';
import { Track } from './track.entity.js';

/** Where a track stands: enough to aggregate outcomes, nothing about the people on it. */
export interface TrackStanding {
  id: string;
  cohortId: string;
  departmentId: string;
  stage: TrackStage;
  outcome: GraduationOutcome | null;
}

/** What other contexts read of tracks to turn their learnings into methods and follow how those methods fare. */
@Injectable()
export class LearningDirectory {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
  ) {}

  /** The learnings among `ids` on tracks the caller is on; any other id is left out, as if it did not exist. */
  async visibleLearnings(ids: string[]): Promise<TrackLearning[]> {
    if (!ids.length) return [];
    const learnings = await this.txHost.tx.getRepository(TrackLearning).findBy({ id: In(ids) });
    if (!learnings.length) return [];
    const trackIds = [...new Set(learnings.map((learning) => learning.trackId))];
    const visible = await (await this.access.filter(this.txHost.tx.getRepository(Track).createQueryBuilder('t'), TrackRecords, 'read')).andWhere('t.id IN (:...trackIds)', { trackIds }).select('t.id').getMany();
    const visibleIds = new Set(visible.map((track) => track.id));
    return learnings.filter((learning) => visibleIds.has(learning.trackId));
  }

  /** Refuses (404) a track the caller is not on. */
  async assertOnTrack(trackId: string): Promise<void> {
    await this.access.require(TrackRecords, 'read', trackId);
  }

  /** The tracks among `ids` the caller is on (or manages); the others are left out, as if they did not exist. */
  async readableTracks(ids: string[]): Promise<Track[]> {
    if (!ids.length) return [];
    return (await this.access.filter(this.txHost.tx.getRepository(Track).createQueryBuilder('t'), TrackRecords, 'read')).andWhere('t.id IN (:...ids)', { ids }).getMany();
  }

  /** Where the given tracks stand, whoever asks: callers may only pass on aggregates of it. */
  async standings(trackIds: string[]): Promise<TrackStanding[]> {
    if (!trackIds.length) return [];
    return this.txHost.tx.getRepository(Track).find({ where: { id: In(trackIds) }, select: { id: true, cohortId: true, departmentId: true, stage: true, outcome: true } });
  }
}
