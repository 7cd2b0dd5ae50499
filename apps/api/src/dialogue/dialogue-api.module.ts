import { Module } from '@nestjs/common';
import { DialogueModule } from '@samverka/dialogue';
import { DialogueMeetingsController, DialogueReportsController } from './dialogue-meetings.controller.js';
import { DialogueParticipationController } from './dialogue-participation.controller.js';
import { PublicFormThrottleGuard } from './public-form-throttle.js';

/** The HTTP side of dialogue meetings: arranging, the public sign-up, participation by token, the needs funnel. */
@Module({
  imports: [DialogueModule],
  controllers: [DialogueMeetingsController, DialogueParticipationController, DialogueReportsController],
  providers: [PublicFormThrottleGuard],
})
export class DialogueApiModule {}
