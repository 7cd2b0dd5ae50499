import { Injectable } from '@nestjs/common';
import { memberOfDepartmentAt } from '@samverka/challenges';
import { AccessPolicy, anyOf, RecordKind, type Caller, type Condition } from '@samverka/platform';
import { managesCohortAt } from '@samverka/programmes';
import { Match } from '../matches/match.entity.js';
import { Track } from '../tracks/track.entity.js';

/** `read`: be on it (its participant, the challenge's department, the cohort's managers, admins); `manage`: decide its stages. */
export const TrackRecords = new RecordKind<Track, 'read' | 'manage'>('track', Track);
/** `read`: its participant, the challenge's department, the cohort's managers, admins. */
export const MatchRecords = new RecordKind<Match, 'read'>('match', Match);

/** A record between one participant and one department's challenge, in a cohort: the people on it. */
async function onRecord(caller: Caller, alias: string): Promise<Condition> {
  return anyOf(
    { sql: `${alias}.participant_id = :callerId` },
    await memberOfDepartmentAt(caller, `${alias}.department_id`),
    await managesCohortAt(caller, `${alias}.cohort_id`),
  );
}

/** The tracks context's access rules, registered with the one policy. */
@Injectable()
export class TrackAccessRules {
  constructor(policy: AccessPolicy) {
    policy.define(TrackRecords, {
      read: onRecord,
      manage: (caller, t) => managesCohortAt(caller, `${t}.cohort_id`),
    });
    policy.define(MatchRecords, { read: onRecord });
  }
}
