import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { IdentityModule } from '@samverka/identity';
import { PartnersModule } from '@samverka/partners';
import { PartnerInterestsController, PartnerPostsController } from './partners.controller.js';

/** The partner board over HTTP: posts, suggestions, interests. */
@Module({
  imports: [PartnersModule, IdentityModule, ChallengesModule],
  controllers: [PartnerPostsController, PartnerInterestsController],
})
export class PartnersApiModule {}
