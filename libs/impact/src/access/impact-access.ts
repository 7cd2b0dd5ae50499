import { Injectable } from '@nestjs/common';
import { AccessPolicy, ALLOW, allOf, anyOf, DENY, RecordKind, type Caller, type Condition } from '@samverka/platform';
import { Application, managesCohortAt, managesProgramme, Programme } from '@samverka/programmes';
import { onSomeTrack } from '@samverka/tracks';
import { ImpactMeasurement } from '../measurements/impact-measurement.entity.js';
import { MethodCard } from '../method-cards/method-card.entity.js';

/** `read`: see a programme's metrics (its managers, who define them, and everyone on one of its tracks, who measures against them). */
export const ProgrammeMetrics = new RecordKind<Programme, 'read'>('programme_metrics', Programme);

/**
 * A participant of a cohort, as their accepted application. `measure`: see and record their
 * measurements (the participant, everyone on one of their tracks there, the cohort's managers).
 */
export const MeasuredParticipants = new RecordKind<Application, 'measure'>('measured_participant', Application);

/**
 * `read`: the participant's own, the cohort's managers all; anyone else those of a track they are
 * on, and those of no track when they are on one of the participant's tracks in the cohort — not
 * those of the participant's other tracks, which belong to other departments.
 */
export const MeasurementRecords = new RecordKind<ImpactMeasurement, 'read'>('impact_measurement', ImpactMeasurement);

/** A method card as open data. `publish`: publish and unpublish its versions (the programme's managers and admins, who write cards). */
export const PublishableMethodCards = new RecordKind<MethodCard, 'publish'>('method_card_publication', MethodCard);

/** The caller is on one of the participant's tracks in the cohort. */
function onParticipantsTrack(caller: Caller, cohortIdColumn: string, participantIdColumn: string): Promise<Condition> {
  return onSomeTrack(caller, 'participant_track', `participant_track.cohort_id = ${cohortIdColumn} AND participant_track.participant_id = ${participantIdColumn}`);
}

/** The impact context's access rules, registered with the one policy. */
@Injectable()
export class ImpactAccessRules {
  constructor(policy: AccessPolicy) {
    policy.define(ProgrammeMetrics, {
      read: async (caller, p) =>
        anyOf(
          await managesProgramme(caller, `${p}.id`),
          await onSomeTrack(caller, 'metric_track', `EXISTS (SELECT 1 FROM cohorts metric_cohort WHERE metric_cohort.id = metric_track.cohort_id AND metric_cohort.programme_id = ${p}.id)`),
        ),
    });

    policy.define(MeasuredParticipants, {
      measure: async (caller, a) =>
        allOf(
          { sql: `${a}.state = 'accepted'` },
          anyOf({ sql: `${a}.applicant_id = :callerId` }, await managesCohortAt(caller, `${a}.cohort_id`), await onParticipantsTrack(caller, `${a}.cohort_id`, `${a}.applicant_id`)),
        ),
    });

    policy.define(PublishableMethodCards, {
      publish: (caller) => (caller.is('admin') || caller.is('programme_manager') ? ALLOW : DENY),
    });

    policy.define(MeasurementRecords, {
      read: async (caller, m) =>
        anyOf(
          { sql: `${m}.participant_id = :callerId` },
          await managesCohortAt(caller, `${m}.cohort_id`),
          await onSomeTrack(caller, 'measured_track', `measured_track.id = ${m}.track_id`),
          allOf({ sql: `${m}.track_id IS NULL` }, await onParticipantsTrack(caller, `${m}.cohort_id`, `${m}.participant_id`)),
        ),
    });
  }
}
