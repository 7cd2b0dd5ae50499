import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { User } from '@samverka/identity';
import { PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { DialogueSignup } from './dialogue.entities.js';
import { hashParticipationToken, newParticipationToken } from './meetings/participation-token.js';

const dialoguePersonalColumns: readonly PersonalColumns[] = [{ entity: DialogueSignup, columns: ['name', 'email', 'organisation'] }];

/**
 * Sign-ups made with a person's address, the needs they raised and their votes. Erased, a
 * sign-up loses its name, address and organisation and its link stops working; its sector, seat,
 * attendance and votes stay, so the meeting's counts stay right. Needs stay as the meeting's
 * record, no longer tied to anyone.
 */
@Injectable()
export class DialoguePersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'dialogueMeetings',
      holds: dialoguePersonalColumns,
      export: async (userId) => {
        const email = await this.emailOf(userId);
        if (!email) return { signups: [], needsRaised: [], votes: [] };
        const tx = this.txHost.tx;
        const signups = await tx.query(
          `SELECT s.meeting_id AS "meetingId", m.theme AS "meetingTheme", m.starts_at AS "meetingStartsAt", s.name, s.email, s.organisation, s.sector, s.status, s.attended,
                  s.consent_purpose AS "consentPurpose", s.consent_text_version AS "consentTextVersion", s.consented_at AS "consentedAt", s.created_at AS "signedUpAt"
             FROM dialogue_signups s JOIN dialogue_meetings m ON m.id = s.meeting_id WHERE s.email = $1 ORDER BY s.created_at`,
          [email],
        );
        const needsRaised = await tx.query(
          `SELECT n.id, n.meeting_id AS "meetingId", n.title, n.description, n.target_group AS "targetGroup", n.evidence, n.created_at AS "createdAt"
             FROM dialogue_needs n LEFT JOIN dialogue_signups s ON s.id = n.added_by_signup_id
            WHERE s.email = $1 OR n.created_by = $2 ORDER BY n.created_at`,
          [email, userId],
        );
        const votes = await tx.query(
          `SELECT v.need_id AS "needId", n.title AS "needTitle", v.votes FROM dialogue_need_votes v
             JOIN dialogue_signups s ON s.id = v.signup_id JOIN dialogue_needs n ON n.id = v.need_id WHERE s.email = $1 ORDER BY n.created_at`,
          [email],
        );
        return { signups, needsRaised, votes };
      },
      erase: async (_userId, { email }) => {
        const signups = await this.txHost.tx.getRepository(DialogueSignup).findBy({ email });
        for (const signup of signups) {
          await this.txHost.tx.getRepository(DialogueSignup).update(signup.id, {
            name: '',
            // Unique per live sign-up and meeting, and no one's: the row's own id at a reserved domain.
            email: `${signup.id}@erased.invalid`,
            organisation: null,
            tokenHash: hashParticipationToken(newParticipationToken()),
          });
        }
      },
    });
  }

  private async emailOf(userId: string): Promise<string | null> {
    return (await this.txHost.tx.getRepository(User).findOne({ where: { id: userId }, select: { id: true, email: true } }))?.email ?? null;
  }
}
