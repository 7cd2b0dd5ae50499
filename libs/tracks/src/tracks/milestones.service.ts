import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertVersion, NotFoundError, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import { TrackRecords } from '../access/track-access.js';
import { TrackMilestone } from './track-entries.entity.js';
import { TrackJournal } from './track-journal.js';

export interface MilestoneChanges {
  title?: string;
  dueOn?: string;
  done?: boolean;
}

const byDueDate = { sortColumn: 'e.due_on', sortValue: (m: TrackMilestone) => m.dueOn };

@Injectable()
export class MilestonesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly journal: TrackJournal,
    private readonly access: AccessPolicy,
  ) {}

  list(trackId: string, page: PageQueryDto): Promise<Page<TrackMilestone>> {
    return this.journal.list(trackId, TrackMilestone, page, byDueDate);
  }

  add(trackId: string, milestone: { title: string; dueOn: string }): Promise<TrackMilestone> {
    return this.journal.add(trackId, TrackMilestone, () => ({ title: milestone.title, dueOn: milestone.dueOn }), {
      action: 'track.milestone_added',
      message: { title: { sv: 'Ny milstolpe', en: 'New milestone' }, body: { sv: `${milestone.title}, senast ${milestone.dueOn}.`, en: `${milestone.title}, due ${milestone.dueOn}.` } },
    });
  }

  /** Changes what is given; `done` marks it done now (or not done again). */
  async update(trackId: string, milestoneId: string, expectedVersion: number | undefined, changes: MilestoneChanges): Promise<TrackMilestone> {
    return this.txHost.withTransaction(async () => {
      const track = await this.access.require(TrackRecords, 'read', trackId, { lock: 'pessimistic_read' });
      const milestones = this.txHost.tx.getRepository(TrackMilestone);
      const milestone = await milestones.findOne({ where: { id: milestoneId, trackId }, lock: { mode: 'pessimistic_write' } });
      if (!milestone) throw new NotFoundError('Milestone', milestoneId);
      assertVersion('milestone', expectedVersion, milestone.version);
      const wasDone = milestone.doneAt !== null;
      if (changes.title !== undefined) milestone.title = changes.title;
      if (changes.dueOn !== undefined) milestone.dueOn = changes.dueOn;
      if (changes.done !== undefined && changes.done !== wasDone) milestone.doneAt = changes.done ? new Date() : null;
      const saved = await milestones.save(milestone);
      const nowDone = saved.doneAt !== null;
      await this.journal.recorded(track, saved.id, {
        action: nowDone && !wasDone ? 'track.milestone_done' : 'track.milestone_updated',
        message: nowDone && !wasDone
          ? { title: { sv: 'Milstolpe klar', en: 'Milestone done' }, body: { sv: saved.title, en: saved.title } }
          : { title: { sv: 'Milstolpe ändrad', en: 'Milestone changed' }, body: { sv: saved.title, en: saved.title } },
      });
      return saved;
    });
  }
}
