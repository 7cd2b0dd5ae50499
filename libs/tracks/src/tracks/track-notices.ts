import { Injectable } from '@nestjs/common';
import { ChallengeDirectory } from '@samverka/challenges';
import { CurrentActor, Outbox, type Bilingual } from '@samverka/platform';
import type { Track } from './track.entity.js';

export interface TrackMessage {
  title: Bilingual;
  body: Bilingual;
}

/** Tells the people working on a track what changed on it, through the outbox of the current transaction. */
@Injectable()
export class TrackNotices {
  constructor(
    private readonly challenges: ChallengeDirectory,
    private readonly outbox: Outbox,
    private readonly actor: CurrentActor,
  ) {}

  /** The participant and the department's members, except whoever made the change. Entries are in-app only; moves are mailed too. */
  async tell(track: Track, type: string, message: TrackMessage, options: { emailToo: boolean; data?: Record<string, unknown> }): Promise<void> {
    const members = await this.challenges.memberIdsOfDepartment(track.departmentId);
    const author = this.actor.optional?.id;
    await this.outbox.notify({
      type,
      recipientIds: [track.participantId, ...members].filter((id) => id !== author),
      title: message.title,
      body: message.body,
      emailToo: options.emailToo,
      data: { trackId: track.id, challengeId: track.challengeId, cohortId: track.cohortId, stage: track.stage, ...options.data },
    });
  }
}
