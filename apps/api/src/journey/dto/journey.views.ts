import { ApiProperty } from '@nestjs/swagger';
import { ENTREPRENEUR_KINDS } from '@samverka/programmes';
import { RUN_FAILURES, RUN_STATUSES, weightsOfRun, type RunFailure, type Match, type ParticipantProfile, type PartyDirectory, type PartyLookup, type MatchingConflict, type MatchingRunRecord, type Preference, type RunComparison, type RunMetrics, type ScoreWeights } from '@samverka/tracks';
import type { ReasonLanguage } from '../language.js';
import { VersionedView } from '@samverka/platform';

@VersionedView()
export class PreferenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['participant', 'challenge'], description: 'participant: a participant’s ranking of challenges; challenge: a department’s ranking of participants for one challenge.' })
  side: string;
  @ApiProperty({ format: 'uuid', description: 'The participant (user id) or the challenge.' }) ownerId: string;
  @ApiProperty({ type: [String], description: 'Most wanted first.' }) rankedIds: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Send as If-Match to replace the ranking.' }) version: number;

  static of(preference: Preference): PreferenceView {
    const { id, side, ownerId, rankedIds, version } = preference;
    return Object.assign(new PreferenceView(), { id, side, ownerId, rankedIds, version, updatedAt: preference.updatedAt.toISOString() });
  }
}

export class VisiblePreferencesView {
  @ApiProperty({ type: PreferenceView, nullable: true }) mine: PreferenceView | null;
  @ApiProperty({ type: [PreferenceView] }) challenges: PreferenceView[];
  @ApiProperty({ type: [PreferenceView] }) participants: PreferenceView[];
}

/** A participant and a challenge: a pin, a forbidden pair, or a pair that differs between runs. */
class PairRefView {
  @ApiProperty({ format: 'uuid', description: 'The participant (user id).' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
}

class RunMetricsView implements RunMetrics {
  @ApiProperty({ description: 'Sum of the proposed pairs’ scores.' }) total: number;
  @ApiProperty({ type: Number, nullable: true }) minScore: number | null;
  @ApiProperty() matched: number;
  @ApiProperty() unmatched: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty({ description: 'Pairs who would both rather have each other than what the run gives them.' }) blockingPairs: number;
}

class ComponentView {
  @ApiProperty({ example: 'competences' }) component: string;
  @ApiProperty({ description: 'The component’s value in [0, 1].' }) value: number;
  @ApiProperty({ description: 'Its normalised weight.' }) weight: number;
  @ApiProperty({ description: 'value × weight.' }) contribution: number;
}

class RunPairView {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() challengeTitle: string;
  @ApiProperty() score: number;
  @ApiProperty() pinned: boolean;
  @ApiProperty({ type: [ComponentView] }) components: ComponentView[];
  @ApiProperty({ description: 'One line, in the language of Accept-Language (sv or en).' }) reason: string;
}

class UnmatchedView {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ['no_allowed_challenge', 'seats_taken', 'already_matched', 'no_profile', 'inactive'] }) why: string;
}

const FAILURE_CODES =
  'Why a failed run failed; null unless failed. pins_conflict: the locked (pinned) pairs cannot all hold, e.g. a locked pair the hard rules forbid or more locked pairs than a challenge has seats; release or change some. ' +
  'pair_not_in_run: a locked or forbidden pair names a participant or challenge that is no longer part of the run (matched, withdrawn or removed since); start a run without it. ' +
  'timed_out: the worker’s attempt ended without an outcome (past the job’s time limit of 30 minutes, or the worker stopped); start a new run, and tell the administrator if it happens again. ' +
  'internal_error: anything else; the details are in the worker’s log only. Start a new run, and tell the administrator if it fails again.';

export class MatchingRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: ['optimal', 'stable'] }) algorithm: string;
  @ApiProperty({ type: String, enum: ['participants', 'challenges'], nullable: true }) proposing: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1 }, description: 'The normalised weights the run used, by score component.' })
  weights: ScoreWeights;
  @ApiProperty({ type: [PairRefView], description: 'Pinned pairs.' }) pins: { participantId: string; challengeId: string }[];
  @ApiProperty({ type: [PairRefView], description: 'Forbidden pairs.' }) forbidden: { participantId: string; challengeId: string }[];
  @ApiProperty() includeMatched: boolean;
  @ApiProperty() engineVersion: string;
  @ApiProperty({ enum: RUN_STATUSES, description: 'done: solved, pairs and metrics are there. A run above the configured size (MATCHING_JOB_THRESHOLD participants) is solved by the worker: queued, then running, then done or failed.' })
  status: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of the work done; 100 once done or failed.' }) progress: number;
  @ApiProperty({ type: String, enum: RUN_FAILURES, nullable: true, description: FAILURE_CODES }) failureCode: RunFailure | null;
  @ApiProperty({ type: RunMetricsView, nullable: true, description: 'Null until the run is done.' }) metrics: RunMetricsView | null;
  @ApiProperty({ type: [RunPairView], description: 'Empty until the run is done.' }) pairs: RunPairView[];
  @ApiProperty({ type: [UnmatchedView], description: 'Everyone the run did not place, with why; empty until the run is done.' }) unmatched: UnmatchedView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;

  static of(run: MatchingRunRecord, language: ReasonLanguage): MatchingRunView {
    const pairsOf = (pairs: [string, string][]) => pairs.map(([participantId, challengeId]) => ({ participantId, challengeId }));
    return Object.assign(new MatchingRunView(), {
      id: run.id,
      cohortId: run.cohortId,
      algorithm: run.algorithm,
      proposing: run.proposing,
      weights: weightsOfRun(run),
      pins: pairsOf(run.parameters.pins),
      forbidden: pairsOf(run.parameters.forbidden),
      includeMatched: run.parameters.includeMatched,
      engineVersion: run.engineVersion,
      status: run.status,
      progress: run.progress,
      failureCode: run.failureCode,
      metrics: run.metrics,
      pairs: (run.result?.pairs ?? []).map((pair) => ({
        participantId: pair.participantId,
        challengeId: pair.challengeId,
        challengeTitle: run.input?.challengeFacts[pair.challengeId]?.title ?? '',
        score: pair.score,
        pinned: pair.pinned,
        components: pair.components,
        reason: pair.reason[language],
      })),
      unmatched: run.result ? [...run.result.unmatched, ...(run.input?.excluded ?? []).map(({ participantId, reason }) => ({ participantId, why: reason }))] : [],
      createdAt: run.createdAt.toISOString(),
      publishedAt: run.publishedAt?.toISOString() ?? null,
    });
  }
}

export class MatchingRunSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['optimal', 'stable'] }) algorithm: string;
  @ApiProperty({ enum: RUN_STATUSES, description: 'done: solved, pairs and metrics are there. A run above the configured size (MATCHING_JOB_THRESHOLD participants) is solved by the worker: queued, then running, then done or failed.' })
  status: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent of the work done; 100 once done or failed.' }) progress: number;
  @ApiProperty({ type: String, enum: RUN_FAILURES, nullable: true, description: FAILURE_CODES }) failureCode: RunFailure | null;
  @ApiProperty({ type: RunMetricsView, nullable: true, description: 'Null until the run is done.' }) metrics: RunMetricsView | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;

  static of(run: MatchingRunRecord): MatchingRunSummaryView {
    return Object.assign(new MatchingRunSummaryView(), {
      id: run.id,
      algorithm: run.algorithm,
      status: run.status,
      progress: run.progress,
      failureCode: run.failureCode,
      metrics: run.metrics,
      createdAt: run.createdAt.toISOString(),
      publishedAt: run.publishedAt?.toISOString() ?? null,
    });
  }
}

export class MatchingRunPage {
  @ApiProperty({ type: [MatchingRunSummaryView] }) items: MatchingRunSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RunComparisonView implements RunComparison {
  @ApiProperty({ type: [PairRefView], description: 'Pairs only the first run proposes.' }) onlyInFirst: { participantId: string; challengeId: string }[];
  @ApiProperty({ type: [PairRefView], description: 'Pairs only the second run proposes.' }) onlyInSecond: { participantId: string; challengeId: string }[];
  @ApiProperty({
    type: 'object',
    description: 'Per metric: first, second and the change.',
    additionalProperties: {
      type: 'object',
      required: ['first', 'second', 'change'],
      properties: { first: { type: 'number', nullable: true }, second: { type: 'number', nullable: true }, change: { type: 'number', nullable: true } },
    },
  })
  metricChanges: RunComparison['metricChanges'];
}

export class RepeatView {
  @ApiProperty({ description: 'True when running the frozen input again gave the stored result exactly.' }) identical: boolean;
}

class ParticipantProfileView implements ParticipantProfile {
  @ApiProperty({ enum: ENTREPRENEUR_KINDS }) kind: ParticipantProfile['kind'];
  @ApiProperty({ description: 'Organisation or venture; empty when none is given.' }) organisation: string;
  @ApiProperty({ type: [String] }) competences: string[];
  @ApiProperty({ type: String, nullable: true, description: 'SCB municipality code.' }) municipalityCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek: number | null;
}

export class MatchView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() challengeTitle: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ description: 'The name of the challenge’s department.' }) departmentName: string;
  @ApiProperty({ format: 'uuid', description: 'The participant (user id).' }) participantId: string;
  @ApiProperty({ description: 'The participant’s display name.' }) participantName: string;
  @ApiProperty({ type: ParticipantProfileView, nullable: true, description: 'What the department is shown of the participant: kind, organisation, competences, municipality, hours per week; null without a profile.' })
  participant: ParticipantProfileView | null;
  @ApiProperty() score: number;
  @ApiProperty({ description: 'Why this pair, in the language of Accept-Language.' }) reason: string;
  @ApiProperty({ enum: ['proposed', 'confirmed', 'declined', 'expired'] }) state: string;
  @ApiProperty({ type: String, enum: ['accept', 'decline'], nullable: true }) participantResponse: string | null;
  @ApiProperty({ type: String, enum: ['accept', 'decline'], nullable: true }) departmentResponse: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(match: Match, language: ReasonLanguage, parties: PartyLookup): MatchView {
    return Object.assign(new MatchView(), {
      ...parties.namesOf(match),
      participant: parties.profileOf(match),
      id: match.id,
      runId: match.runId,
      cohortId: match.cohortId,
      challengeId: match.challengeId,
      departmentId: match.departmentId,
      participantId: match.participantId,
      score: match.score,
      reason: match.reason[language],
      state: match.state,
      participantResponse: match.participantResponse,
      departmentResponse: match.departmentResponse,
      respondBy: match.respondBy?.toISOString() ?? null,
      createdAt: match.createdAt.toISOString(),
    });
  }
}

/** Matches with the names on them and the participant's profile, looked up for all of them at once. */
export async function matchViews(parties: PartyDirectory, matches: Match[], language: ReasonLanguage): Promise<MatchView[]> {
  const lookup = await parties.lookUp(matches, { profiles: true });
  return matches.map((match) => MatchView.of(match, language, lookup));
}

export class MatchPage {
  @ApiProperty({ type: [MatchView] }) items: MatchView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ExpiredView {
  @ApiProperty({ description: 'How many open proposals passed their deadline and expired.' }) expired: number;
}

export class MatchingConflictView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(conflict: MatchingConflict): MatchingConflictView {
    const { id, participantId, challengeId, reason } = conflict;
    return Object.assign(new MatchingConflictView(), { id, participantId, challengeId, reason, createdAt: conflict.createdAt.toISOString() });
  }
}

export class MatchingConflictPage {
  @ApiProperty({ type: [MatchingConflictView] }) items: MatchingConflictView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
