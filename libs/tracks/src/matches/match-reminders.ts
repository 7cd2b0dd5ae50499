import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory } from '@samverka/challenges';
import type { Reminder } from '@samverka/platform';
import { Match } from './match.entity.js';

/** A proposal is worth a reminder once it has waited this long, or when its deadline is this close. */
const WAITING_DAYS = 3;
const DEADLINE_WITHIN_DAYS = 2;

/** The sides of proposed matches that have not answered yet. */
@Injectable()
export class MatchReminders {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly challenges: ChallengeDirectory,
  ) {}

  /** Proposals older than three days or due within two, still open, for each side without an answer: the participant, or the department's members. */
  async due(): Promise<Reminder[]> {
    const waiting = await this.txHost.tx
      .getRepository(Match)
      .createQueryBuilder('m')
      .where(`m.state = 'proposed'`)
      .andWhere('(m.participant_response IS NULL OR m.department_response IS NULL)')
      // Past its deadline a proposal is about to expire; an answer is no longer taken.
      .andWhere('(m.respond_by IS NULL OR m.respond_by > now())')
      .andWhere('(m.created_at < now() - make_interval(days => :waiting) OR m.respond_by < now() + make_interval(days => :within))', {
        waiting: WAITING_DAYS,
        within: DEADLINE_WITHIN_DAYS,
      })
      .orderBy('m.created_at', 'ASC')
      .getMany();
    const titles = await this.challenges.titlesOf([...new Set(waiting.map((match) => match.challengeId))]);
    const reminders: Reminder[] = [];
    for (const match of waiting) {
      const remind = (recipientIds: string[]) => reminders.push(responseReminder(match, titles.get(match.challengeId) ?? '', recipientIds));
      if (!match.participantResponse) remind([match.participantId]);
      if (!match.departmentResponse) remind(await this.challenges.memberIdsOfDepartment(match.departmentId));
    }
    return reminders;
  }
}

function responseReminder(match: Match, challengeTitle: string, recipientIds: string[]): Reminder {
  const by = match.respondBy?.toISOString().slice(0, 10);
  return {
    type: 'match.response_reminder',
    subjectId: match.id,
    recipientIds,
    title: { sv: 'Ett matchningsförslag väntar på ert svar', en: 'A match proposal awaits your answer' },
    body: {
      sv: `Svara gärna på förslaget om ”${challengeTitle}”${by ? ` senast ${by}` : ''}.`,
      en: `Please answer the proposal for "${challengeTitle}"${by ? ` by ${by}` : ''}.`,
    },
    data: { matchId: match.id, challengeId: match.challengeId, cohortId: match.cohortId, respondBy: match.respondBy?.toISOString() ?? null },
  };
}
