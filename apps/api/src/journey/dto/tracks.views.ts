import { ApiProperty } from '@nestjs/swagger';
import { VersionedView } from '@samverka/platform';
import { GRADUATION_OUTCOMES, LEARNING_KINDS, TRACK_STAGES, trackLifecycle, type PartyNames, type Track, type TrackDetails, type TrackFollowUp, type TrackLearning, type TrackMilestone, type TrackNote, type TrackTestSession } from '@samverka/tracks';

export class TrackSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid', description: 'The participant (user id).' }) participantId: string;
  @ApiProperty({ description: 'The participant’s display name.' }) participantName: string;
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty() challengeTitle: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ description: 'The name of the challenge’s department.' }) departmentName: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: TRACK_STAGES }) stage: string;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt: string;
  @ApiProperty({ enum: TRACK_STAGES, isArray: true, description: 'Where a manager may move the track next (gates permitting).' }) allowedMoves: string[];
  @ApiProperty({ description: 'Send as If-Match to change the track.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(track: Track, names: PartyNames): TrackSummaryView {
    return Object.assign(new TrackSummaryView(), TrackSummaryView.fields(track, names));
  }

  protected static fields(track: Track, names: PartyNames) {
    return {
      ...names,
      id: track.id,
      matchId: track.matchId,
      participantId: track.participantId,
      challengeId: track.challengeId,
      departmentId: track.departmentId,
      cohortId: track.cohortId,
      stage: track.stage,
      stageEnteredAt: track.stageEnteredAt.toISOString(),
      allowedMoves: [...trackLifecycle.allowedFrom(track.stage)],
      version: track.version,
      createdAt: track.createdAt.toISOString(),
    };
  }
}

export class TrackPage {
  @ApiProperty({ type: [TrackSummaryView] }) items: TrackSummaryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class StageEntryView {
  @ApiProperty({ type: String, enum: TRACK_STAGES, nullable: true }) from: string | null;
  @ApiProperty({ enum: TRACK_STAGES }) to: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
}

class TestPlanView {
  @ApiProperty({ format: 'uuid' }) testEnvironmentId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty() users: number;
  @ApiProperty() whatWillBeTried: string;
  @ApiProperty() consentArrangements: string;
}

class CriterionView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Ticked by a manager for this track.' }) met: boolean;
}

class OpenGateView {
  @ApiProperty({ enum: TRACK_STAGES, description: 'A stage still ahead.' }) to: string;
  @ApiProperty({
    type: [String],
    description: 'What its gate lacks today, as `missing` of 409 gate_not_met: test_plan, test_session, outcome, outcome_summary, graduation_criterion:<key>.',
  })
  missing: string[];
}

class OfferedTestEnvironmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'A test session there is recorded only with the written consent of everyone taking part.' }) writtenConsentRequired: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The department’s consent rules for the environment.' }) consentRules: string | null;
}

class GraduationView {
  @ApiProperty({ format: 'date' }) graduatedOn: string;
  @ApiProperty({ enum: GRADUATION_OUTCOMES }) outcome: string;
  @ApiProperty() summary: string;
}

@VersionedView()
export class TrackView extends TrackSummaryView {
  @ApiProperty({ type: [StageEntryView], description: 'Every stage entered, oldest first.' }) history: StageEntryView[];
  @ApiProperty({ type: TestPlanView, nullable: true }) testPlan: TestPlanView | null;
  @ApiProperty({ type: [CriterionView], description: 'The cohort’s graduation criteria and whether each is met.' }) graduationCriteria: CriterionView[];
  @ApiProperty({ type: GraduationView, nullable: true }) graduation: GraduationView | null;
  @ApiProperty({ type: String, nullable: true }) discontinuedReason: string | null;
  @ApiProperty({ type: [OpenGateView], description: 'The gates between the present stage and graduation not met yet, in order; empty once the track has ended.' })
  openGates: OpenGateView[];
  @ApiProperty({ type: [OfferedTestEnvironmentView], description: 'The test environments the challenge offers, for the test plan and the test sessions.' })
  testEnvironments: OfferedTestEnvironmentView[];
  @ApiProperty({ description: 'Whether you decide the track’s stages and graduation criteria (a manager of its cohort, or an admin).' }) mayManage: boolean;

  static ofDetails({ track, history, criteria, names, openGates, testEnvironments, mayManage }: TrackDetails): TrackView {
    return Object.assign(new TrackView(), TrackSummaryView.fields(track, names), {
      openGates,
      testEnvironments: testEnvironments.map(({ id, name, writtenConsentRequired, consentRules }) => ({ id, name, writtenConsentRequired, consentRules })),
      mayManage,
      history: history.map((entry) => ({ from: entry.fromStage, to: entry.toStage, note: entry.note, actorId: entry.actorId, enteredAt: entry.enteredAt.toISOString() })),
      testPlan: track.testPlan,
      graduationCriteria: criteria.map(({ key, label }) => ({ key, label, met: track.criteriaMet.includes(key) })),
      graduation:
        track.graduatedOn && track.outcome && track.outcomeSummary ? { graduatedOn: track.graduatedOn, outcome: track.outcome, summary: track.outcomeSummary } : null,
      discontinuedReason: track.discontinuedReason,
    });
  }
}

@VersionedView()
export class MilestoneView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ description: 'Send as If-Match to change the milestone.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(milestone: TrackMilestone): MilestoneView {
    const { id, title, dueOn, authorId, version } = milestone;
    return Object.assign(new MilestoneView(), {
      id,
      title,
      dueOn,
      done: milestone.doneAt !== null,
      doneAt: milestone.doneAt?.toISOString() ?? null,
      authorId,
      version,
      createdAt: milestone.createdAt.toISOString(),
    });
  }
}

export class MilestonePage {
  @ApiProperty({ type: [MilestoneView] }) items: MilestoneView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TestSessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ format: 'uuid' }) testEnvironmentId: string;
  @ApiProperty() usersInvolved: number;
  @ApiProperty() whatWasTried: string;
  @ApiProperty() whatWasObserved: string;
  @ApiProperty() consentObtained: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(session: TrackTestSession): TestSessionView {
    const { id, heldOn, testEnvironmentId, usersInvolved, whatWasTried, whatWasObserved, consentObtained, authorId } = session;
    return Object.assign(new TestSessionView(), { id, heldOn, testEnvironmentId, usersInvolved, whatWasTried, whatWasObserved, consentObtained, authorId, createdAt: session.createdAt.toISOString() });
  }
}

export class TestSessionPage {
  @ApiProperty({ type: [TestSessionView] }) items: TestSessionView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class LearningView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LEARNING_KINDS }) kind: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a manager approved this text for publication, while the approval holds (it lapses when the text changes); null when not approved.',
  })
  publicationApprovedAt: string | null;

  static of(learning: TrackLearning, approvedAt?: Date): LearningView {
    const { id, kind, text, tags, authorId } = learning;
    return Object.assign(new LearningView(), { id, kind, text, tags, authorId, createdAt: learning.createdAt.toISOString(), publicationApprovedAt: approvedAt?.toISOString() ?? null });
  }
}

export class LearningPage {
  @ApiProperty({ type: [LearningView] }) items: LearningView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(note: TrackNote): NoteView {
    return Object.assign(new NoteView(), { id: note.id, text: note.text, authorId: note.authorId, createdAt: note.createdAt.toISOString() });
  }
}

export class NotePage {
  @ApiProperty({ type: [NoteView] }) items: NoteView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) followedUpOn: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(followUp: TrackFollowUp): FollowUpView {
    const { id, followedUpOn, text, authorId } = followUp;
    return Object.assign(new FollowUpView(), { id, followedUpOn, text, authorId, createdAt: followUp.createdAt.toISOString() });
  }
}

export class FollowUpPage {
  @ApiProperty({ type: [FollowUpView] }) items: FollowUpView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
