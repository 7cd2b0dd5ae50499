import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ImpactModule } from '@samverka/impact';
import { CatalogueController } from './catalogue.controller.js';
import { MethodCardImportsController } from './method-card-imports.controller.js';
import { OpenFiguresController } from './open-figures.controller.js';
import { OpenDataInterceptor, OpenDataThrottleGuard } from './open-data.js';
import { MethodCardPublicationsController, OpenMethodCardsController } from './open-method-cards.controller.js';

/** Open data over HTTP: what the installation publishes, and how managers publish it. */
@Module({
  imports: [ImpactModule, IdentityModule],
  controllers: [OpenMethodCardsController, MethodCardPublicationsController, CatalogueController, MethodCardImportsController, OpenFiguresController],
  providers: [OpenDataInterceptor, OpenDataThrottleGuard],
})
export class OpenApiModule {}
