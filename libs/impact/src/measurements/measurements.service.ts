import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, AuditTrail, CurrentActor, NotFoundError, paginate, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { ProgrammeDirectory } from '@samverka/programmes';
import { TracksService } from '@samverka/tracks';
import type { SelectQueryBuilder } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service.js';
import { ImpactMeasurement } from './impact-measurement.entity.js';
import { MeasuredParticipants, MeasurementRecords } from '../access/impact-access.js';

export interface MeasurementInput {
  metricId: string;
  value: number;
  periodFrom: string;
  periodTo: string;
  evidenceText: string;
  evidenceUrl?: string;
}

export interface MeasurementFilter {
  metricId?: string;
}

/** Whose measurement it is: the participant, on a track or not, in a cohort. */
interface Subject {
  cohortId: string;
  participantId: string;
  trackId: string | null;
  graduated: boolean;
}

@Injectable()
export class MeasurementsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tracks: TracksService,
    private readonly access: AccessPolicy,
    private readonly directory: ProgrammeDirectory,
    private readonly metrics: MetricsService,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  private get measurements() {
    return this.txHost.tx.getRepository(ImpactMeasurement);
  }

  async listForTrack(trackId: string, filter: MeasurementFilter, page: PageQueryDto): Promise<Page<ImpactMeasurement>> {
    await this.tracks.get(trackId);
    return this.list(this.measurements.createQueryBuilder('m').where('m.track_id = :trackId', { trackId }), filter, page);
  }

  async recordOnTrack(trackId: string, input: MeasurementInput): Promise<ImpactMeasurement> {
    const { track } = await this.tracks.get(trackId);
    return this.record({ cohortId: track.cohortId, participantId: track.participantId, trackId, graduated: track.stage === 'graduated' }, input);
  }

  /** What the caller may see of the participant's measurements in the cohort: on their tracks or on none. */
  async listForParticipant(cohortId: string, participantId: string, filter: MeasurementFilter, page: PageQueryDto): Promise<Page<ImpactMeasurement>> {
    await this.requireParticipant(cohortId, participantId);
    const qb = this.measurements.createQueryBuilder('m').where('m.cohort_id = :cohortId AND m.participant_id = :participantId', { cohortId, participantId });
    return this.list(await this.access.filter(qb, MeasurementRecords, 'read'), filter, page);
  }

  /** A measurement of the participant rather than of one track, e.g. before matching or across tracks. */
  async recordForParticipant(cohortId: string, participantId: string, input: MeasurementInput): Promise<ImpactMeasurement> {
    await this.requireParticipant(cohortId, participantId);
    const tracks = (await this.tracks.list({ cohortId, participantId }, { limit: 100 })).items;
    return this.record({ cohortId, participantId, trackId: null, graduated: tracks.some((track) => track.stage === 'graduated') }, input);
  }

  /** Someone who is not a participant of the cohort, or one the caller may not measure, is 404 alike. */
  private async requireParticipant(cohortId: string, participantId: string): Promise<void> {
    const participant = (await this.directory.participantsOfCohort(cohortId)).find((p) => p.userId === participantId);
    if (!participant || !(await this.access.allows(MeasuredParticipants, 'measure', participant.applicationId))) throw new NotFoundError('Participant', participantId);
  }

  private list(qb: SelectQueryBuilder<ImpactMeasurement>, filter: MeasurementFilter, page: PageQueryDto): Promise<Page<ImpactMeasurement>> {
    if (filter.metricId) qb.andWhere('m.metric_id = :metricId', { metricId: filter.metricId });
    return paginate(qb, page, { sortColumn: 'm.recorded_at', idColumn: 'm.id', direction: 'ASC', keyOf: (m) => [m.recordedAt.toISOString(), m.id] });
  }

  private async record(subject: Subject, input: MeasurementInput): Promise<ImpactMeasurement> {
    if (input.periodTo < input.periodFrom) throw new ValidationFailedError([{ field: 'periodTo', message: 'periodTo must not be before periodFrom', code: 'beforeStart' }]);
    const cohort = await this.directory.findCohort(subject.cohortId);
    if (!cohort) throw new NotFoundError('Cohort', subject.cohortId);
    await this.metrics.ofProgramme(cohort.programmeId, input.metricId, 'metricId');
    return this.txHost.withTransaction(async () => {
      const saved = await this.measurements.save(
        this.measurements.create({
          ...input,
          evidenceUrl: input.evidenceUrl ?? null,
          cohortId: subject.cohortId,
          participantId: subject.participantId,
          trackId: subject.trackId,
          // After graduation a measurement shows what lasted: reports can tell the two apart.
          followUp: subject.graduated,
          recordedBy: this.actor.required.id,
        }),
      );
      await this.audit.record({
        action: 'impact_measurement.recorded',
        entityType: 'impact_measurement',
        entityId: saved.id,
        details: { metricId: saved.metricId, trackId: saved.trackId, participantId: saved.participantId, followUp: saved.followUp },
      });
      return saved;
    });
  }
}
