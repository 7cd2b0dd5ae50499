import { Injectable } from '@nestjs/common';
import { memberOfDepartmentAt } from '@samverka/challenges';
import { AccessPolicy, ALLOW, anyOf, DENY, RecordKind, type Caller, type Condition } from '@samverka/platform';
import { managesCohortAt } from '@samverka/programmes';
import { Match } from '../matches/match.entity.js';
import { TrackLearning } from '../tracks/track-entries.entity.js';
import { Track } from '../tracks/track.entity.js';

/** `read`: be on it (its participant, the challenge's department, the cohort's managers, admins); `manage`: decide its stages. */
export const TrackRecords = new RecordKind<Track, 'read' | 'manage'>('track', Track);
/** `read`: its participant, the challenge's department, the cohort's managers, admins. */
export const MatchRecords = new RecordKind<Match, 'read'>('match', Match);

/** `approve`: approve its text for publication (the managers of its track's cohort, admins). */
export const LearningRecords = new RecordKind<TrackLearning, 'approve'>('track_learning', TrackLearning);

/** A record between one participant and one department's challenge, in a cohort: the people on it. */
async function onRecord(caller: Caller, alias: string): Promise<Condition> {
  return anyOf(
    { sql: `${alias}.participant_id = :callerId` },
    await memberOfDepartmentAt(caller, `${alias}.department_id`),
    await managesCohortAt(caller, `${alias}.cohort_id`),
  );
}

/**
 * The caller is on some track (alias `alias`) that satisfies `where`, e.g. one of a participant's
 * tracks in a cohort: for other contexts' rules about what people on a track share.
 */
export async function onSomeTrack(caller: Caller, alias: string, where: string): Promise<Condition> {
  const on = await onRecord(caller, alias);
  if (on.sql === DENY.sql) return DENY;
  const condition = on.sql === ALLOW.sql ? where : `${where} AND ${on.sql}`;
  return { sql: `EXISTS (SELECT 1 FROM tracks ${alias} WHERE ${condition})`, params: on.params };
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
    policy.define(LearningRecords, {
      approve: async (caller, l) => {
        const manages = await managesCohortAt(caller, 'learning_track.cohort_id');
        if (manages.sql === ALLOW.sql || manages.sql === DENY.sql) return manages;
        return { sql: `EXISTS (SELECT 1 FROM tracks learning_track WHERE learning_track.id = ${l}.track_id AND ${manages.sql})`, params: manages.params };
      },
    });
  }
}
