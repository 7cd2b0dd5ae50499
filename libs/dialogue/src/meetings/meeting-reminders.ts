import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Outbox } from '@samverka/platform';
import { In } from 'typeorm';
import { DialogueMeeting } from '../dialogue.entities.js';
import { signupMail } from './signup-mail.js';

/** How far ahead people with a seat are reminded. */
const REMIND_HOURS_AHEAD = 48;

/**
 * Reminds everyone with a seat of a meeting starting within two days, once: the sign-ups are
 * marked in the same statement that picks them, so two workers never remind the same person.
 * People without an account are mailed through the outbox like every other notice.
 */
@Injectable()
export class MeetingReminders {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: Outbox,
  ) {}

  async send(): Promise<number> {
    return this.txHost.withTransaction(async () => {
      // An UPDATE answers [rows, count].
      const [due]: [{ id: string; meeting_id: string; email: string }[], number] = await this.txHost.tx.query(
        `UPDATE dialogue_signups s SET reminded_at = now()
           FROM dialogue_meetings m
          WHERE m.id = s.meeting_id AND s.status = 'confirmed' AND s.reminded_at IS NULL
            AND m.starts_at > now() AND m.starts_at <= now() + make_interval(hours => $1)
        RETURNING s.id, s.meeting_id, s.email`,
        [REMIND_HOURS_AHEAD],
      );
      const meetings = await this.txHost.tx.getRepository(DialogueMeeting).findBy({ id: In([...new Set(due.map((d) => d.meeting_id))]) });
      for (const signup of due) {
        const meeting = meetings.find((m) => m.id === signup.meeting_id)!;
        await this.outbox.mailTo(signup.email, { type: 'dialogue_signup.reminder', ...signupMail('reminder', meeting, null), data: { meetingId: meeting.id } });
      }
      return due.length;
    });
  }
}
