import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory } from '@samverka/challenges';
import { CurrentActor, NotFoundError } from '@samverka/platform';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { CohortAccess } from '../cohort-access.js';
import { Track } from './track.entity.js';

type RowLock = 'pessimistic_read' | 'pessimistic_write';

/**
 * Who is on a track: its participant, the members of the challenge's department, the managers
 * of the cohort's programme, and admins. Anyone else does not see it (404).
 */
@Injectable()
export class TrackAccess {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cohorts: CohortAccess,
    private readonly challenges: ChallengeDirectory,
    private readonly actor: CurrentActor,
  ) {}

  /** Narrows a query of tracks (alias `t`) to those the caller is on. */
  async scoped(qb: SelectQueryBuilder<Track>): Promise<SelectQueryBuilder<Track>> {
    const managed = await this.cohorts.managedCohortIds();
    if (managed === undefined) return qb;
    const me = this.actor.required.id;
    const departments = await this.challenges.departmentIdsOfMember(me);
    return qb.andWhere(
      new Brackets((scope) => {
        scope.where('t.participant_id = :me', { me });
        if (departments.length) scope.orWhere('t.department_id IN (:...departments)', { departments });
        if (managed.length) scope.orWhere('t.cohort_id IN (:...managed)', { managed });
      }),
    );
  }

  /** The track, if the caller is on it; `lock` holds its row until the transaction ends. */
  async visible(trackId: string, lock?: RowLock): Promise<Track> {
    const qb = (await this.scoped(this.txHost.tx.getRepository(Track).createQueryBuilder('t'))).andWhere('t.id = :trackId', { trackId });
    const track = await (lock ? qb.setLock(lock) : qb).getOne();
    if (!track) throw new NotFoundError('Track', trackId);
    return track;
  }

  /** The track, if the caller manages its cohort (or is an admin): the people who decide its stages. */
  async managed(trackId: string, lock?: RowLock): Promise<Track> {
    const track = await this.visible(trackId, lock);
    const managed = await this.cohorts.managedCohortIds();
    if (managed !== undefined && !managed.includes(track.cohortId)) throw new NotFoundError('Track', trackId);
    return track;
  }
}
