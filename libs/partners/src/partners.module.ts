import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { PartnerAccessRules } from './access/partner-access.js';
import { PartnerInterestsService } from './interests/partner-interests.service.js';
import { PartnersPersonalData } from './partners-personal-data.js';
import { PartnerPostsService } from './posts/partner-posts.service.js';
import { PartnerSuggestionsService } from './suggestions/partner-suggestions.service.js';

const exported = [PartnerPostsService, PartnerInterestsService, PartnerSuggestionsService];

/** The partner board: posts that look for or offer, suggestions, and contact through Samverka. */
@Module({
  imports: [ChallengesModule],
  providers: [PartnerAccessRules, PartnersPersonalData, ...exported],
  exports: exported,
})
export class PartnersModule {}
