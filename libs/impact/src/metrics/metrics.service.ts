import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, assertVersion, AuditTrail, ConflictError, isUniqueViolation, NotFoundError, paginate, ReferenceData, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { ImpactMetric } from './impact-metric.entity.js';
import { goalProblems, type MetricAggregation, type MetricDirection } from './metric-rules.js';
import { ProgrammeRecords } from '@samverka/programmes';
import { ProgrammeMetrics } from '../access/impact-access.js';

export interface MetricInput {
  name: string;
  unit: string;
  sdgs: number[];
  direction: MetricDirection;
  aggregation?: MetricAggregation;
  baseline?: number | null;
  target?: number | null;
}

export type MetricChanges = Partial<MetricInput>;

@Injectable()
export class MetricsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly reference: ReferenceData,
    private readonly audit: AuditTrail,
  ) {}

  private get metrics() {
    return this.txHost.tx.getRepository(ImpactMetric);
  }

  async list(programmeId: string, page: PageQueryDto): Promise<Page<ImpactMetric>> {
    await this.access.require(ProgrammeMetrics, 'read', programmeId);
    const qb = this.metrics.createQueryBuilder('m').where('m.programme_id = :programmeId', { programmeId });
    return paginate(qb, page, { sortColumn: 'm.created_at', idColumn: 'm.id', direction: 'ASC', keyOf: (m) => [m.createdAt.toISOString(), m.id] });
  }

  async get(programmeId: string, metricId: string): Promise<ImpactMetric> {
    await this.access.require(ProgrammeMetrics, 'read', programmeId);
    return this.find(programmeId, metricId);
  }

  /** A metric of the programme, for a measurement: one of another programme is a field error, not a 404. */
  async ofProgramme(programmeId: string, metricId: string, field: string): Promise<ImpactMetric> {
    const metric = await this.metrics.findOneBy({ id: metricId, programmeId });
    if (!metric) throw new ValidationFailedError([{ field, message: 'must be a metric of the cohort’s programme' }]);
    return metric;
  }

  async create(programmeId: string, input: MetricInput): Promise<ImpactMetric> {
    await this.access.require(ProgrammeRecords, 'manage', programmeId);
    const metric = this.metrics.create({ ...input, programmeId, aggregation: input.aggregation ?? 'sum', baseline: input.baseline ?? null, target: input.target ?? null });
    await this.assertValid(metric);
    return this.saving(metric.name, () =>
      this.txHost.withTransaction(async () => {
        const saved = await this.metrics.save(metric);
        await this.audit.record({ action: 'impact_metric.created', entityType: 'impact_metric', entityId: saved.id, details: { programmeId, name: saved.name } });
        return saved;
      }),
    );
  }

  async update(programmeId: string, metricId: string, expectedVersion: number | undefined, changes: MetricChanges): Promise<ImpactMetric> {
    await this.access.require(ProgrammeRecords, 'manage', programmeId);
    return this.saving(changes.name, () =>
      this.txHost.withTransaction(async () => {
        const metric = await this.find(programmeId, metricId, true);
        assertVersion('impact_metric', expectedVersion, metric.version);
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        Object.assign(metric, defined);
        await this.assertValid(metric);
        const saved = await this.metrics.save(metric);
        await this.audit.record({ action: 'impact_metric.updated', entityType: 'impact_metric', entityId: metricId, details: { fields: Object.keys(defined) } });
        return saved;
      }),
    );
  }

  private async find(programmeId: string, metricId: string, lock = false): Promise<ImpactMetric> {
    const metric = await this.metrics.findOne({ where: { id: metricId, programmeId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!metric) throw new NotFoundError('ImpactMetric', metricId);
    return metric;
  }

  private async assertValid(metric: ImpactMetric): Promise<void> {
    const problems = goalProblems(metric);
    if (problems.length) throw new ValidationFailedError(problems);
    await this.reference.assertSdgs(metric.sdgs, 'sdgs');
  }

  /** A programme names each metric once: the unique index decides between concurrent creators. */
  private async saving<T>(name: string | undefined, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('metric_name_taken', `The programme already has a metric named ${name}.`, { name });
      throw error;
    }
  }
}
