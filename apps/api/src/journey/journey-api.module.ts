import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { TracksModule } from '@samverka/tracks';
import { LearningPublicationController } from './learning-publication.controller.js';
import { ManagerAgendaController } from './manager-agenda.controller.js';
import { MatchesController } from './matches.controller.js';
import { MatchingRunsController } from './matching-runs.controller.js';
import { PreferencesController } from './preferences.controller.js';
import { TrackEntriesController } from './track-entries.controller.js';
import { TrackBoardController } from './track-board.controller.js';
import { TracksController } from './tracks.controller.js';

/** The journey over HTTP: preferences, matching runs, matches, tracks, and the manager's agenda across them. */
@Module({
  imports: [TracksModule, IdentityModule],
  controllers: [PreferencesController, MatchingRunsController, MatchesController, TracksController, TrackEntriesController, LearningPublicationController, TrackBoardController, ManagerAgendaController],
})
export class JourneyApiModule {}
