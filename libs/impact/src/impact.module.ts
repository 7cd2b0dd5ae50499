import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ProgrammesModule } from '@samverka/programmes';
import { TracksModule } from '@samverka/tracks';
import { ImpactAccessRules } from './access/impact-access.js';
import { ImpactMeasurement } from './measurements/impact-measurement.entity.js';
import { ImpactPersonalData } from './measurements/impact-personal-data.js';
import { MeasurementsService } from './measurements/measurements.service.js';
import { ImpactMetric } from './metrics/impact-metric.entity.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ReportsService } from './reports/reports.service.js';
import { OpenImpact } from './open/open-impact.js';
import { OpenLearnings } from './open/open-learnings.js';
import { methodCardEntities } from './method-cards/method-card.entity.js';
import { MethodCardUsesService } from './method-cards/method-card-uses.service.js';
import { MethodCardsService } from './method-cards/method-cards.service.js';
import { MethodCardsPersonalData } from './method-cards/method-cards-personal-data.js';
import { MethodCardPublications } from './open/method-card-publications.js';
import { OpenMethodCards } from './open/open-method-cards.js';
import { OpenCatalogueFacts } from './open/open-catalogue-facts.js';
import { MethodCardImports } from './open/method-card-imports.js';

export const impactEntities = [ImpactMetric, ImpactMeasurement, ...methodCardEntities];

const providers = [ImpactAccessRules, MetricsService, MeasurementsService, ImpactPersonalData, ReportsService, MethodCardsService, MethodCardUsesService, MethodCardsPersonalData, MethodCardPublications, OpenMethodCards, OpenCatalogueFacts, MethodCardImports, OpenLearnings, OpenImpact];
const exported = [MetricsService, MeasurementsService, ReportsService, MethodCardsService, MethodCardUsesService, MethodCardPublications, OpenMethodCards, OpenCatalogueFacts, MethodCardImports, OpenLearnings, OpenImpact];

@Module({
  imports: [IdentityModule, ProgrammesModule, TracksModule],
  providers,
  exports: exported,
})
export class ImpactModule {}
