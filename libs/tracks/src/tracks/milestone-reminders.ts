import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory } from '@samverka/challenges';
import type { Reminder } from '@samverka/platform';
import { TrackMilestone } from './track-entries.entity.js';
import { ENDED_STAGES } from './track-stages.js';
import { Track } from './track.entity.js';

/** How many days ahead a milestone's due date is announced. */
const DUE_WITHIN_DAYS = 2;

/** Milestones coming due on tracks still under way, for the participant and the department's members. */
@Injectable()
export class MilestoneReminders {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly challenges: ChallengeDirectory,
  ) {}

  /** Not done, due today or within two days (dates in UTC, as the jobs run on UTC). */
  async due(): Promise<Reminder[]> {
    const rows = await this.txHost.tx
      .getRepository(TrackMilestone)
      .createQueryBuilder('ms')
      .innerJoinAndMapOne('ms.track', Track, 't', 't.id = ms.track_id AND t.stage NOT IN (:...ended)', { ended: ENDED_STAGES })
      .where('ms.done_at IS NULL')
      .andWhere(`ms.due_on BETWEEN (now() AT TIME ZONE 'UTC')::date AND (now() AT TIME ZONE 'UTC')::date + :within::int`, { within: DUE_WITHIN_DAYS })
      .orderBy('ms.due_on', 'ASC')
      .getMany();
    const reminders: Reminder[] = [];
    for (const milestone of rows as (TrackMilestone & { track: Track })[]) {
      const { track } = milestone;
      reminders.push({
        type: 'milestone.due_reminder',
        subjectId: milestone.id,
        recipientIds: [track.participantId, ...(await this.challenges.memberIdsOfDepartment(track.departmentId))],
        title: { sv: 'En milstolpe närmar sig', en: 'A milestone is coming up' },
        body: { sv: `Milstolpen ”${milestone.title}” ska vara klar senast ${milestone.dueOn}.`, en: `The milestone "${milestone.title}" is due on ${milestone.dueOn}.` },
        data: { trackId: track.id, milestoneId: milestone.id, challengeId: track.challengeId, cohortId: track.cohortId, dueOn: milestone.dueOn },
        wordsBy: milestone.authorId,
      });
    }
    return reminders;
  }
}
