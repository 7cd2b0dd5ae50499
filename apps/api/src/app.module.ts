import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { dataSourceOptions } from '@samverka/database';
import { AuthenticationGuard, IdentityModule, RolesGuard } from '@samverka/identity';
import { AppConfig, createValidationPipe, IdempotencyInterceptor, PlatformModule, PostgresThrottlerStorage, ProblemFilter } from '@samverka/platform';
import { ClsModule } from 'nestjs-cls';
import type { Request } from 'express';
import { AuditEventsController } from './audit/audit-events.controller.js';
import { entities } from './database/entities.js';
import { HealthController } from './health/health.controller.js';
import { AuthController } from './identity/auth.controller.js';
import { InvitationsController } from './identity/invitations.controller.js';
import { MeController } from './identity/me.controller.js';
import { UsersController } from './identity/users.controller.js';
import { LOGIN_THROTTLERS } from './identity/login-throttle.js';
import { ReferenceController } from './reference/reference.controller.js';

@Module({})
export class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

@Module({})
export class AppModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    const defaultThrottler: ThrottlerOptions = { name: 'default', ttl: config.RATE_LIMIT_WINDOW_SECONDS * 1000, limit: config.RATE_LIMIT };
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, entities), autoLoadEntities: false }),
        ClsModule.forRoot({
          global: true,
          middleware: { mount: true, generateId: true, idGenerator: (req: Request & { id?: string }) => String(req.id) },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        ThrottlerModule.forRootAsync({
          inject: [PostgresThrottlerStorage],
          useFactory: (storage: PostgresThrottlerStorage) => ({
            throttlers: [defaultThrottler, ...LOGIN_THROTTLERS(config)],
            storage,
          }),
        }),
        TerminusModule,
        PlatformModule,
        IdentityModule,
      ],
      controllers: [HealthController, AuthController, MeController, InvitationsController, UsersController, ReferenceController, AuditEventsController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
      ],
    };
  }
}
