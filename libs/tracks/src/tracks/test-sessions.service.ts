import { Injectable } from '@nestjs/common';
import { ChallengeDirectory } from '@samverka/challenges';
import { ConflictError, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { assertStageIn } from './stage-rules.js';
import { TrackTestSession } from './track-entries.entity.js';
import { TrackJournal } from './track-journal.js';
import { TESTING_STAGES } from './track-stages.js';

export interface TestSessionInput {
  heldOn: string;
  testEnvironmentId: string;
  usersInvolved: number;
  whatWasTried: string;
  whatWasObserved: string;
  consentObtained: boolean;
}

@Injectable()
export class TestSessionsService {
  constructor(
    private readonly journal: TrackJournal,
    private readonly challenges: ChallengeDirectory,
  ) {}

  list(trackId: string, page: PageQueryDto): Promise<Page<TrackTestSession>> {
    return this.journal.list(trackId, TrackTestSession, page, { sortColumn: 'e.held_on', sortValue: (s) => s.heldOn });
  }

  /**
   * A session with real users, in one of the challenge's test environments. Where the
   * environment requires written consent, a session without it is refused: it must not be recorded as done.
   */
  record(trackId: string, session: TestSessionInput): Promise<TrackTestSession> {
    return this.journal.add(
      trackId,
      TrackTestSession,
      async (track) => {
        assertStageIn(track, TESTING_STAGES, 'track_not_testing', 'Test sessions cannot be recorded');
        const environment = await this.challenges.offeredTestEnvironment(track.challengeId, session.testEnvironmentId);
        if (!environment) throw new ValidationFailedError([{ field: 'testEnvironmentId', message: 'must be a test environment the challenge offers' }]);
        if (environment.writtenConsentRequired && !session.consentObtained) {
          throw new ConflictError('consent_required', `${environment.name} requires written consent from everyone taking part; record the session once consent is obtained.`, {
            testEnvironmentId: environment.id,
          });
        }
        return { ...session };
      },
      {
        action: 'track.test_session_recorded',
        message: {
          title: { sv: 'Nytt testtillfälle', en: 'New test session' },
          body: { sv: `${session.heldOn}: ${session.usersInvolved} användare.`, en: `${session.heldOn}: ${session.usersInvolved} users.` },
        },
      },
    );
  }
}
