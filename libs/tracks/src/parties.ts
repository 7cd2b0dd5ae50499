import { Injectable } from '@nestjs/common';
import { ChallengeDirectory } from '@samverka/challenges';
import { UsersService } from '@samverka/identity';
import { ProgrammeDirectory, type EntrepreneurKind } from '@samverka/programmes';

/** What a department is shown of an entrepreneur it is asked to work with. */
export interface ParticipantProfile {
  kind: EntrepreneurKind;
  organisation: string;
  competences: string[];
  municipalityCode: string | null;
  hoursPerWeek: number | null;
}

/** The names on a match or track, so that each side sees who and what it is about. */
export interface PartyNames {
  challengeTitle: string;
  departmentName: string;
  participantName: string;
}

interface OnRecord {
  challengeId: string;
  departmentId: string;
  participantId: string;
}

/** Names for a page of records: one query per kind of name, whatever the page's length. */
export interface PartyLookup {
  namesOf(record: OnRecord): PartyNames;
  profileOf(record: OnRecord): ParticipantProfile | null;
}

/**
 * Looks up the names on matches and tracks the caller may already see: the access check is
 * the caller's (the records come through the policy), this only names what they hold.
 */
@Injectable()
export class PartyDirectory {
  constructor(
    private readonly challenges: ChallengeDirectory,
    private readonly programmes: ProgrammeDirectory,
    private readonly users: UsersService,
  ) {}

  async lookUp(records: readonly OnRecord[], { profiles = false } = {}): Promise<PartyLookup> {
    const participantIds = [...new Set(records.map((record) => record.participantId))];
    // One after the other: inside a transaction they share one connection anyway.
    const titles = await this.challenges.titlesOf([...new Set(records.map((record) => record.challengeId))]);
    const departments = await this.challenges.departmentNamesOf(records.map((record) => record.departmentId));
    const people = await this.users.displayNamesOf(participantIds);
    const profileRows = profiles ? await this.programmes.profilesOf(participantIds) : [];
    const profileById = new Map(profileRows.map(({ userId, kind, organisation, competences, municipalityCode, hoursPerWeek }) => [userId, { kind, organisation, competences, municipalityCode, hoursPerWeek }]));
    return {
      namesOf: (record) => ({
        challengeTitle: titles.get(record.challengeId) ?? '',
        departmentName: departments.get(record.departmentId) ?? '',
        participantName: people.get(record.participantId) ?? '',
      }),
      profileOf: (record) => profileById.get(record.participantId) ?? null,
    };
  }
}
