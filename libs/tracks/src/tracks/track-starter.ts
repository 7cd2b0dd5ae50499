import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditTrail, CurrentActor } from '@samverka/platform';
import type { Match } from '../matches/match.entity.js';
import { Track, TrackStageEntry } from './track.entity.js';

/** A confirmed match starts its track in the same transaction as the confirmation. */
@Injectable()
export class TrackStarter {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  async startFor(match: Match): Promise<Track> {
    const tracks = this.txHost.tx.getRepository(Track);
    const now = new Date();
    const track = await tracks.save(
      tracks.create({
        matchId: match.id,
        cohortId: match.cohortId,
        challengeId: match.challengeId,
        departmentId: match.departmentId,
        participantId: match.participantId,
        stage: 'matched',
        stageEnteredAt: now,
      }),
    );
    await this.txHost.tx.getRepository(TrackStageEntry).insert({ trackId: track.id, fromStage: null, toStage: 'matched', actorId: this.actor.optional?.id ?? null, enteredAt: now });
    await this.audit.record({ action: 'track.started', entityType: 'track', entityId: track.id, to: 'matched', details: { matchId: match.id } });
    return track;
  }
}
