export { DialogueModule, dialogueEntities } from './dialogue.module.js';
export { DialogueMeeting, DialogueSignup, DialogueNeed, DialogueNeedVote, SECTORS, SIGNUP_STATUSES, type Sector, type SignupStatus } from './dialogue.entities.js';
export { DialogueMeetingRecords } from './access/dialogue-access.js';
export { MeetingsService, DIALOGUE_CONSENT_PURPOSE, hasBegun, type MeetingInput, type MeetingWithCounts, type SignupInput, type SignupResult, type SeatCounts } from './meetings/meetings.service.js';
export { MeetingReminders } from './meetings/meeting-reminders.js';
export { NeedsService, type NeedInput, type NeedTextInput, type NeedWithBacking, type Participation } from './needs/needs.service.js';
export { NeedsFunnelReport, FUNNEL_STEPS, type FunnelStep, type NeedsFunnel } from './reports/needs-funnel.js';
