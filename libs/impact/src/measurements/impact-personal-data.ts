import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type ErasureOptions, type PersonalColumns } from '@samverka/platform';
import { ImpactMeasurement } from './impact-measurement.entity.js';

const impactPersonalColumns: readonly PersonalColumns[] = [{ entity: ImpactMeasurement, columns: ['evidenceText', 'evidenceUrl'] }];

/**
 * Measurements about a person and those they recorded. On erasure the values stay (the
 * reports count them); the evidence they wrote goes unless they consented to research use.
 */
@Injectable()
export class ImpactPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'impact_measurements', holds: impactPersonalColumns, export: (userId) => this.export(userId), erase: (userId, options) => this.erase(userId, options) });
  }

  private get measurements() {
    return this.txHost.tx.getRepository(ImpactMeasurement);
  }

  private async export(userId: string): Promise<unknown> {
    const order = { recordedAt: 'ASC', id: 'ASC' } as const;
    return {
      aboutMe: await this.measurements.find({ where: { participantId: userId }, order }),
      recordedByMe: await this.measurements.find({ where: { recordedBy: userId }, order }),
    };
  }

  private async erase(userId: string, { keepAuthoredTextForResearch }: ErasureOptions): Promise<void> {
    const evidence = keepAuthoredTextForResearch ? {} : { evidenceText: '', evidenceUrl: null };
    await this.measurements.update({ recordedBy: userId }, { ...evidence, recordedBy: null });
  }
}
