import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type ErasureOptions, type PersonalColumns } from '@samverka/platform';
import { In, IsNull, Not, type ObjectLiteral, type Repository } from 'typeorm';
import { Match } from './matches/match.entity.js';
import { MatchingConflict } from './matching-runs/matching-conflict.entity.js';
import { Preference } from './preferences/preference.entity.js';
import { TrackFollowUp, TrackLearning, TrackMilestone, TrackNote, TrackTestSession } from './tracks/track-entries.entity.js';
import { Track, TrackStageEntry } from './tracks/track.entity.js';

const tracksPersonalColumns: readonly PersonalColumns[] = [
  { entity: Match, columns: ['participantNote', 'departmentNote'] },
  { entity: MatchingConflict, columns: ['reason'] },
  { entity: Track, columns: ['outcomeSummary', 'discontinuedReason'] },
  { entity: TrackStageEntry, columns: ['note'] },
  { entity: TrackLearning, columns: ['text'] },
  { entity: TrackTestSession, columns: ['whatWasTried', 'whatWasObserved'] },
  { entity: TrackNote, columns: ['text'] },
  { entity: TrackMilestone, columns: ['title'] },
  { entity: TrackFollowUp, columns: ['text'] },
];

/**
 * What the journey holds about a person: rankings, matches, tracks and everything they wrote
 * on tracks. On erasure what they wrote is kept only with consent to research use, and then
 * detached from them; otherwise its text goes. What others wrote about them on their matches,
 * tracks and conflicts goes too, and their learnings' texts are withdrawn from publication. Rows, kinds, tags and counts stay, so the reports (funnel,
 * learnings by tag, stage times) stay right.
 */
@Injectable()
export class TracksPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'journey', holds: tracksPersonalColumns, export: (userId) => this.export(userId), erase: (userId, options) => this.erase(userId, options) });
  }

  private repo<E extends ObjectLiteral>(entity: new () => E): Repository<E> {
    return this.txHost.tx.getRepository(entity);
  }

  private async export(userId: string): Promise<unknown> {
    const tracks = await this.repo(Track).find({ where: { participantId: userId }, order: { createdAt: 'ASC' } });
    const authored = { authorId: userId };
    return {
      preferences: await this.repo(Preference).find({ where: { side: 'participant', ownerId: userId } }),
      matches: await this.repo(Match).find({ where: { participantId: userId }, order: { createdAt: 'ASC' } }),
      conflictsDeclared: await this.repo(MatchingConflict).find({ where: { declaredBy: userId } }),
      tracks,
      stageHistory: tracks.length ? await this.repo(TrackStageEntry).find({ where: { trackId: In(tracks.map((t) => t.id)) }, order: { enteredAt: 'ASC' } }) : [],
      learnings: await this.repo(TrackLearning).find({ where: authored, order: { createdAt: 'ASC' } }),
      testSessions: await this.repo(TrackTestSession).find({ where: authored, order: { createdAt: 'ASC' } }),
      notes: await this.repo(TrackNote).find({ where: authored, order: { createdAt: 'ASC' } }),
      milestones: await this.repo(TrackMilestone).find({ where: authored, order: { createdAt: 'ASC' } }),
      followUps: await this.repo(TrackFollowUp).find({ where: authored, order: { createdAt: 'ASC' } }),
    };
  }

  private async erase(userId: string, { keepAuthoredTextForResearch }: ErasureOptions): Promise<void> {
    const authored = { authorId: userId };
    // An erased author's texts leave open data, even when kept for research: a published text is
    // theirs in words and style, which no check for names and numbers can remove. Counts stay.
    await this.txHost.tx.query(`DELETE FROM track_learning_approvals a USING track_learnings l WHERE l.id = a.learning_id AND l.author_id = $1`, [userId]);
    if (keepAuthoredTextForResearch) {
      for (const entity of [TrackLearning, TrackTestSession, TrackFollowUp] as const) await this.repo<ObjectLiteral>(entity).update(authored, { authorId: null });
    } else {
      await this.repo(TrackLearning).update(authored, { text: '', authorId: null });
      await this.repo(TrackTestSession).update(authored, { whatWasTried: '', whatWasObserved: '', authorId: null });
      await this.repo(TrackFollowUp).update(authored, { text: '', authorId: null });
    }
    await this.repo(TrackNote).update(authored, { text: '', authorId: null });
    await this.repo(TrackMilestone).update(authored, { title: '', authorId: null });
    await this.repo(Match).update({ participantId: userId }, { participantNote: null, departmentNote: null });
    await this.repo(Match).update({ departmentResponderId: userId }, { departmentNote: null });
    const tracks = await this.repo(Track).find({ where: { participantId: userId }, select: { id: true } });
    if (tracks.length) await this.repo(TrackStageEntry).update({ trackId: In(tracks.map((t) => t.id)) }, { note: null });
    await this.repo(TrackStageEntry).update({ actorId: userId }, { note: null });
    // Graduated and discontinued tracks must keep a summary and a reason (CHECK constraints): blanked, not removed.
    await this.repo(Track).update({ participantId: userId, outcomeSummary: Not(IsNull()) }, { outcomeSummary: '' });
    await this.repo(Track).update({ participantId: userId, discontinuedReason: Not(IsNull()) }, { discontinuedReason: '' });
    await this.repo(MatchingConflict).update({ declaredBy: userId }, { reason: '', declaredBy: null });
    await this.repo(MatchingConflict).update({ participantId: userId }, { reason: '' });
  }
}
