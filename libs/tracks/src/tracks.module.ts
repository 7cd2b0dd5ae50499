import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { IdentityModule } from '@samverka/identity';
import { ProgrammesModule } from '@samverka/programmes';
import { TrackAccessRules } from './access/track-access.js';
import { ConfirmationNeedsChallengeSeat, ConfirmedMatchStartsTrack, MatchSidesTold } from './matches/match-hooks.js';
import { ManagerAgendaService } from './agenda/manager-agenda.js';
import { WithdrawalNeedsNoTrackUnderWay, WithdrawnChallengeReleasesProposals } from './matches/challenge-withdrawal.hooks.js';
import { MatchesService } from './matches/matches.service.js';
import { MatchReminders } from './matches/match-reminders.js';
import { Match } from './matches/match.entity.js';
import { MatchingConflict } from './matching-runs/matching-conflict.entity.js';
import { MatchingConflictsService } from './matching-runs/matching-conflicts.service.js';
import { MatchingRunQueue } from './matching-runs/matching-run-queue.js';
import { MatchingInputGatherer } from './matching-runs/matching-input.js';
import { MatchingRunRecord } from './matching-runs/matching-run.entity.js';
import { MatchingRunsService } from './matching-runs/matching-runs.service.js';
import { Preference } from './preferences/preference.entity.js';
import { PreferencesService } from './preferences/preferences.service.js';
import { ChallengeFollowsItsTracks } from './tracks/challenge-follows.hook.js';
import { TrackMoveTold } from './tracks/track-move-notices.hook.js';
import { CohortCompletionNeedsTracksEnded } from './tracks/cohort-completion.hook.js';
import { MilestonesService } from './tracks/milestones.service.js';
import { TestSessionsService } from './tracks/test-sessions.service.js';
import { TrackFollowUp, TrackLearning, TrackMilestone, TrackNote, TrackTestSession } from './tracks/track-entries.entity.js';
import { TrackEntriesService } from './tracks/track-entries.service.js';
import { TrackJournal } from './tracks/track-journal.js';
import { LearningDirectory } from './tracks/learning-directory.js';
import { TrackLearningApproval } from './tracks/learning-approval.entity.js';
import { LearningPublication } from './tracks/learning-publication.js';
import { TrackNotices } from './tracks/track-notices.js';
import { TrackStarter } from './tracks/track-starter.js';
import { MilestoneReminders } from './tracks/milestone-reminders.js';
import { Track, TrackStageEntry } from './tracks/track.entity.js';
import { TrackBoard } from './tracks/track-board.js';
import { TracksService } from './tracks/tracks.service.js';
import { TracksPersonalData } from './tracks-personal-data.js';
import { PartyDirectory } from './parties.js';

export const tracksEntities = [Preference, MatchingConflict, MatchingRunRecord, Match, Track, TrackStageEntry, TrackMilestone, TrackTestSession, TrackLearning, TrackNote, TrackFollowUp, TrackLearningApproval];

/** What tracks puts in the slots of the cohort, challenge, match and track lifecycles. */
const lifecycleHooks = [WithdrawalNeedsNoTrackUnderWay, WithdrawnChallengeReleasesProposals, CohortCompletionNeedsTracksEnded, ConfirmationNeedsChallengeSeat, ConfirmedMatchStartsTrack, MatchSidesTold, ChallengeFollowsItsTracks, TrackMoveTold];

@Module({
  imports: [IdentityModule, ProgrammesModule, ChallengesModule],
  providers: [...lifecycleHooks, TrackAccessRules, PreferencesService, MatchingConflictsService, MatchingInputGatherer, MatchingRunQueue, MatchingRunsService, MatchesService, TrackStarter, TrackNotices, TrackJournal, TracksService, MilestonesService, TestSessionsService, TrackEntriesService, MatchReminders, MilestoneReminders, LearningDirectory, LearningPublication, TracksPersonalData, PartyDirectory, ManagerAgendaService, TrackBoard],
  exports: [PreferencesService, MatchingConflictsService, MatchingRunsService, MatchesService, TracksService, MilestonesService, TestSessionsService, TrackEntriesService, MatchReminders, MilestoneReminders, LearningDirectory, LearningPublication, PartyDirectory, ManagerAgendaService, TrackBoard],
})
export class TracksModule {}
