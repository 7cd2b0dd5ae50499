import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { ProgrammesModule } from '@samverka/programmes';
import { ApplicationsController } from './applications.controller.js';
import { CohortsController } from './cohorts.controller.js';
import { EntrepreneursController } from './entrepreneurs.controller.js';
import { ProgrammesController } from './programmes.controller.js';
import { ReviewAssignmentsController } from './review-assignments.controller.js';
import { ReviewingController } from './reviewing.controller.js';
import { ScoreboardController } from './scoreboard.controller.js';

/** The HTTP side of the programmes context: programmes, cohorts, profiles, applications, reviewing. */
@Module({
  imports: [ProgrammesModule, IdentityModule],
  controllers: [ProgrammesController, CohortsController, ApplicationsController, ReviewingController, ReviewAssignmentsController, ScoreboardController, EntrepreneursController],
})
export class ProgrammesApiModule {}
