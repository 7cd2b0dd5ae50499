import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { AuthenticationGuard, IdentityModule, RolesGuard } from '@samverka/identity';
import { AppConfig, CoreModule, createValidationPipe, PostgresThrottlerStorage, ProblemFilter, RateLimitGuard } from '@samverka/platform';
import { AuditEventsController } from './audit/audit-events.controller.js';
import { ChallengesApiModule } from './challenges/challenges-api.module.js';
import { DialogueApiModule } from './dialogue/dialogue-api.module.js';
import { JourneyApiModule } from './journey/journey-api.module.js';
import { ImpactApiModule } from './impact/impact-api.module.js';
import { OpenApiModule } from './open/open-api.module.js';
import { PartnersApiModule } from './partners/partners-api.module.js';
import { ProgrammesApiModule } from './programmes/programmes-api.module.js';
import { entities } from './database/entities.js';
import { Draining } from './health/draining.js';
import { HealthController } from './health/health.controller.js';
import { AuthController } from './identity/auth.controller.js';
import { InvitationsController } from './identity/invitations.controller.js';
import { ConsentsController } from './identity/consents.controller.js';
import { MeController } from './identity/me.controller.js';
import { NotificationsController } from './identity/notifications.controller.js';
import { PrivacyController } from './identity/privacy.controller.js';
import { UsersController } from './identity/users.controller.js';
import { ReferenceController } from './reference/reference.controller.js';

@Module({})
export class AppModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    const defaultThrottler: ThrottlerOptions = { name: 'default', ttl: config.RATE_LIMIT_WINDOW_SECONDS * 1000, limit: config.RATE_LIMIT };
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, databaseUrl, entities }),
        ThrottlerModule.forRootAsync({
          inject: [PostgresThrottlerStorage],
          useFactory: (storage: PostgresThrottlerStorage) => ({
            throttlers: [defaultThrottler],
            storage,
          }),
        }),
        TerminusModule,
        IdentityModule,
        ProgrammesApiModule,
        ChallengesApiModule,
        DialogueApiModule,
        JourneyApiModule,
        ImpactApiModule,
        OpenApiModule,
        PartnersApiModule,
      ],
      controllers: [HealthController, AuthController, MeController, InvitationsController, UsersController, ReferenceController, AuditEventsController, NotificationsController, ConsentsController, PrivacyController],
      providers: [
        Draining,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
      ],
    };
  }
}
