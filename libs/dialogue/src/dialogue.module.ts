import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { IdentityModule } from '@samverka/identity';
import { DialogueAccessRules } from './access/dialogue-access.js';
import { DialoguePersonalData } from './dialogue-personal-data.js';
import { dialogueEntities } from './dialogue.entities.js';
import { MeetingReminders } from './meetings/meeting-reminders.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { NeedsService } from './needs/needs.service.js';
import { NeedsFunnelReport } from './reports/needs-funnel.js';

export { dialogueEntities };

@Module({
  imports: [IdentityModule, ChallengesModule],
  providers: [DialogueAccessRules, MeetingsService, NeedsService, NeedsFunnelReport, MeetingReminders, DialoguePersonalData],
  exports: [MeetingsService, NeedsService, NeedsFunnelReport, MeetingReminders],
})
export class DialogueModule {}
