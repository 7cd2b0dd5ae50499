import { Module } from '@nestjs/common';
import { ProgrammeAccessRules } from './access/programme-access.js';
import { IdentityModule } from '@samverka/identity';
import { Application } from './applications/application.entity.js';
import { ApplicationsService } from './applications/applications.service.js';
import { Cohort, CohortReviewer } from './cohorts/cohort.entity.js';
import { CohortsService } from './cohorts/cohorts.service.js';
import { EntrepreneurProfile } from './entrepreneurs/entrepreneur-profile.entity.js';
import { EntrepreneursService } from './entrepreneurs/entrepreneurs.service.js';
import { InvitationScopes } from './invitation-scopes.js';
import { ApplicantToldOfDecision } from './applications/applicant-told-of-decision.hook.js';
import { ProgrammeDirectory } from './programme-directory.service.js';
import { ProgrammesPersonalData } from './programmes-personal-data.js';
import { Programme, ProgrammeManager } from './programmes/programme.entity.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { Review, ReviewAssignment, ReviewConflict } from './reviewing/review.entity.js';
import { ReviewReminders } from './reviewing/review-reminders.js';
import { ReviewAssignmentsService } from './reviewing/review-assignments.service.js';
import { ReviewingService } from './reviewing/reviewing.service.js';
import { ScoreboardService } from './reviewing/scoreboard.service.js';

export const programmesEntities = [Programme, ProgrammeManager, Cohort, CohortReviewer, EntrepreneurProfile, Application, ReviewAssignment, Review, ReviewConflict];

const services = [ProgrammesService, CohortsService, EntrepreneursService, ApplicationsService, ReviewingService, ReviewAssignmentsService, ScoreboardService, ReviewReminders];

@Module({
  imports: [IdentityModule],
  providers: [ProgrammeDirectory, ProgrammeAccessRules, InvitationScopes, ApplicantToldOfDecision, ProgrammesPersonalData, ...services],
  exports: [ProgrammeDirectory, ...services],
})
export class ProgrammesModule {}
