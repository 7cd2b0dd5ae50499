import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory } from '@samverka/challenges';
import { AccessPolicy } from '@samverka/platform';
import { CohortRecords, ProgrammeDirectory, type GraduationCriterion } from '@samverka/programmes';
import { TrackRecords } from '../access/track-access.js';
import { TrackTestSession } from './track-entries.entity.js';
import { missingForMove, TRACK_STAGES, type TrackStage } from './track-stages.js';
import { Track } from './track.entity.js';

/** One track as the cohort's board shows it. */
export interface BoardCard {
  track: Track;
  challengeTitle: string;
  /** Gates still to pass on the way to graduation: `test_plan`, `test_session`, `graduation_criterion:<key>`. */
  openGates: string[];
}

export interface Board {
  cohortId: string;
  criteria: GraduationCriterion[];
  cards: BoardCard[];
}

/** The outcome and its summary come with the move to graduation itself, so they are never open ahead of it. */
const MOVE_FIELDS = new Set(['outcome', 'outcome_summary']);

/** The stages still ahead of a live track, up to graduation. */
function stagesAhead(stage: TrackStage): TrackStage[] {
  const graduation = TRACK_STAGES.indexOf('graduated');
  const at = TRACK_STAGES.indexOf(stage);
  return at < graduation ? TRACK_STAGES.slice(at + 1, graduation + 1) : [];
}

/** Every track of a cohort at once, with what each still lacks: a manager's overview, in a fixed number of queries. */
@Injectable()
export class TrackBoard {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly programmes: ProgrammeDirectory,
    private readonly challenges: ChallengeDirectory,
  ) {}

  async of(cohortId: string): Promise<Board> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const query = await this.access.filter(this.txHost.tx.getRepository(Track).createQueryBuilder('t'), TrackRecords, 'manage');
    const tracks = await query.andWhere('t.cohort_id = :cohortId', { cohortId }).orderBy('t.stage_entered_at', 'ASC').addOrderBy('t.id', 'ASC').getMany();
    const sessions = await this.sessionCounts(tracks.map((track) => track.id));
    const titles = await this.challenges.titlesOf([...new Set(tracks.map((track) => track.challengeId))]);
    const criteria = await this.programmes.graduationCriteriaOf(cohortId);
    const keys = criteria.map((criterion) => criterion.key);
    const cards = tracks.map((track) => {
      const facts = { hasTestPlan: track.testPlan !== null, testSessions: sessions.get(track.id) ?? 0, criteria: keys, criteriaMet: track.criteriaMet };
      const openGates = stagesAhead(track.stage).flatMap((stage) => missingForMove(stage, facts)).filter((gate) => !MOVE_FIELDS.has(gate));
      return { track, challengeTitle: titles.get(track.challengeId) ?? '', openGates };
    });
    return { cohortId, criteria, cards };
  }

  private async sessionCounts(trackIds: string[]): Promise<Map<string, number>> {
    if (!trackIds.length) return new Map();
    const rows: { trackId: string; sessions: string }[] = await this.txHost.tx
      .getRepository(TrackTestSession)
      .createQueryBuilder('s')
      .select('s.track_id', 'trackId')
      .addSelect('COUNT(*)', 'sessions')
      .where('s.track_id IN (:...trackIds)', { trackIds })
      .groupBy('s.track_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.trackId, Number(row.sessions)]));
  }
}
