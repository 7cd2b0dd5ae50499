import { Module, type DynamicModule } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { CoreModule, type AppConfig } from '@samverka/platform';
import { OutboxPoller } from './outbox-poller.js';
import { DATABASE_URL, ScheduledJobs } from './scheduled-jobs.js';

/** The worker is the application without HTTP: the same core, the job loops instead of controllers. */
@Module({})
export class WorkerModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ config, databaseUrl }), IdentityModule],
      providers: [OutboxPoller, ScheduledJobs, { provide: DATABASE_URL, useValue: databaseUrl }],
    };
  }
}
