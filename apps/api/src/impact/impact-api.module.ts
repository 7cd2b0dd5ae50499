import { Module } from '@nestjs/common';
import { ImpactModule } from '@samverka/impact';
import { MeasurementsController } from './measurements.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MethodCardsController, TrackMethodCardsController } from './method-cards.controller.js';
import { ReportsController } from './reports.controller.js';

/** Impact over HTTP: metrics, measurements, cohort reports. */
@Module({
  imports: [ImpactModule],
  controllers: [MetricsController, MeasurementsController, ReportsController, MethodCardsController, TrackMethodCardsController],
})
export class ImpactApiModule {}
