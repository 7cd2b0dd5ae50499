import { Module } from '@nestjs/common';
import { ChallengesModule } from '@samverka/challenges';
import { ChallengesController } from './challenges.controller.js';
import { DepartmentsController } from './departments.controller.js';
import { TestEnvironmentsController } from './test-environments.controller.js';

/** The HTTP side of the challenges context: departments, test environments, challenges. */
@Module({
  imports: [ChallengesModule],
  controllers: [DepartmentsController, TestEnvironmentsController, ChallengesController],
})
export class ChallengesApiModule {}
