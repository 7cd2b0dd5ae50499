import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { IdentityModule } from '@samverka/identity';
import { ImpactModule } from '@samverka/impact';
import { MeasurementsController } from './measurements.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MethodCardsController, TrackMethodCardsController } from './method-cards.controller.js';
import { ReportsController } from './reports.controller.js';

/** Impact over HTTP: metrics, measurements, cohort reports. */
@Module({
  imports: [ImpactModule, IdentityModule, ChallengesModule],
  controllers: [MetricsController, MeasurementsController, ReportsController, MethodCardsController, TrackMethodCardsController],
})
export class ImpactApiModule {}
