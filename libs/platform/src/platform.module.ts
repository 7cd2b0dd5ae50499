import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessPolicy } from './access/access-policy.js';
import { CurrentActor } from './context/actor.js';
import { AuditTrail } from './audit/audit-trail.js';
import { AuditQuery } from './audit/audit-query.js';
import { AuditPersonalData } from './audit/audit-personal-data.js';
import { Outbox } from './outbox/outbox.js';
import { PlatformRetention } from './retention.js';
import { PersonalDataRegistry } from './personal-data/personal-data.registry.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { IdempotencyPersonalData } from './http/idempotency-personal-data.js';
import { PostgresThrottlerStorage } from './rate-limit/postgres-throttler.storage.js';
import { ReferenceData } from './reference/reference-data.service.js';
import { Lifecycles } from './state-machine/lifecycles.js';

/** What every context uses; global so contexts need not import it one by one. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [AccessPolicy, Lifecycles, CurrentActor, AuditTrail, AuditQuery, AuditPersonalData, Outbox, PlatformRetention, PersonalDataRegistry, IdempotencyInterceptor, IdempotencyPersonalData, PostgresThrottlerStorage, ReferenceData],
  exports: [AccessPolicy, Lifecycles, CurrentActor, AuditTrail, AuditQuery, Outbox, PlatformRetention, PersonalDataRegistry, IdempotencyInterceptor, PostgresThrottlerStorage, ReferenceData],
})
export class PlatformModule {}
