import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory } from '@samverka/challenges';
import { UsersService } from '@samverka/identity';
import type { ChallengeProfile, ParticipantProfile } from '@samverka/matching';
import { ProgrammeDirectory } from '@samverka/programmes';
import { In } from 'typeorm';
import { Match, LIVE_MATCH_STATES } from '../matches/match.entity.js';
import { Preference } from '../preferences/preference.entity.js';
import { MatchingConflict } from './matching-conflict.entity.js';
import type { RunInput } from './matching-run.entity.js';

/**
 * Gathers what a matching run sees: the participants without a live match (or all), the
 * approved challenges with their free seats, both sides' rankings and declared conflicts.
 */
@Injectable()
export class MatchingInputGatherer {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly programmes: ProgrammeDirectory,
    private readonly challenges: ChallengeDirectory,
    private readonly users: UsersService,
  ) {}

  async gather(cohortId: string, includeMatched: boolean): Promise<RunInput> {
    const db = this.txHost.tx;
    const [participants, challenges, liveMatches, preferences, conflicts] = await Promise.all([
      this.programmes.participantsOfCohort(cohortId),
      this.challenges.approvedChallengesOfCohort(cohortId),
      db.getRepository(Match).find({ where: { cohortId, state: In([...LIVE_MATCH_STATES]) } }),
      db.getRepository(Preference).find({ where: { cohortId } }),
      db.getRepository(MatchingConflict).find({ where: { cohortId } }),
    ]);

    const excluded: RunInput['excluded'] = [];
    const matchedParticipants = new Set(liveMatches.map((match) => match.participantId));
    const active = await this.users.activeIds(participants.map((participant) => participant.userId));
    const candidates = participants
      .map((participant) => participant.userId)
      .filter((userId) => {
        // An erased or deactivated participant can answer no proposal; proposing one would hold a seat for nothing.
        if (!active.has(userId)) excluded.push({ participantId: userId, reason: 'inactive' });
        else if (!includeMatched && matchedParticipants.has(userId)) excluded.push({ participantId: userId, reason: 'already_matched' });
        else return true;
        return false;
      });
    const profiles = new Map((await this.programmes.profilesOf(candidates)).map((profile) => [profile.userId, profile]));
    const participantProfiles: ParticipantProfile[] = [];
    for (const userId of candidates) {
      const profile = profiles.get(userId);
      if (!profile) {
        excluded.push({ participantId: userId, reason: 'no_profile' });
        continue;
      }
      participantProfiles.push({
        id: userId,
        competences: profile.competences,
        themes: profile.themes,
        sdgs: profile.sdgs,
        languages: profile.languages,
        ...(profile.municipalityCode ? { municipalityCode: profile.municipalityCode } : {}),
        ...(profile.hoursPerWeek !== null ? { hoursPerWeek: profile.hoursPerWeek } : {}),
      });
    }

    const challengeFacts: RunInput['challengeFacts'] = {};
    const challengeProfiles: ChallengeProfile[] = [];
    for (const challenge of challenges) {
      const seatsTaken = includeMatched ? 0 : liveMatches.filter((match) => match.challengeId === challenge.id).length;
      challengeFacts[challenge.id] = { departmentId: challenge.departmentId, title: challenge.title, seats: challenge.seats, seatsTaken };
      if (challenge.seats - seatsTaken <= 0) continue;
      challengeProfiles.push({
        id: challenge.id,
        seats: challenge.seats - seatsTaken,
        competences: challenge.competences,
        themes: challenge.themes,
        sdgs: challenge.sdgs,
        languagesRequired: challenge.languages,
        ...(challenge.municipalityCode ? { municipalityCode: challenge.municipalityCode } : {}),
        ...(challenge.hoursPerWeek !== null ? { hoursPerWeek: challenge.hoursPerWeek } : {}),
      });
    }

    const participantIds = new Set(participantProfiles.map((p) => p.id));
    const challengeIds = new Set(challengeProfiles.map((c) => c.id));
    const ranks = (side: Preference['side'], owners: Set<string>, ranked: Set<string>) =>
      Object.fromEntries(
        preferences
          .filter((preference) => preference.side === side && owners.has(preference.ownerId))
          .map((preference) => [preference.ownerId, preference.rankedIds.filter((id) => ranked.has(id))]),
      );
    return {
      participants: participantProfiles,
      challenges: challengeProfiles,
      participantRanks: ranks('participant', participantIds, challengeIds),
      challengeRanks: ranks('challenge', challengeIds, participantIds),
      conflicts: conflicts
        .filter((conflict) => participantIds.has(conflict.participantId) && challengeIds.has(conflict.challengeId))
        .map((conflict) => [conflict.participantId, conflict.challengeId]),
      challengeFacts,
      excluded,
    };
  }
}
