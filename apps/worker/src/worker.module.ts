import { Module, type DynamicModule } from '@nestjs/common';
import { challengesEntities } from '@samverka/challenges';
import { DialogueModule, dialogueEntities } from '@samverka/dialogue';
import { IdentityModule, identityEntities } from '@samverka/identity';
import { CoreModule, platformEntities, type AppConfig } from '@samverka/platform';
import { ProgrammesModule, programmesEntities } from '@samverka/programmes';
import { TracksModule, tracksEntities } from '@samverka/tracks';
import { OutboxPoller } from './outbox-poller.js';
import { ReminderDispatch } from './reminder-dispatch.js';
import { DATABASE_URL, ScheduledJobs } from './scheduled-jobs.js';

/** The entities of the contexts the worker runs: each context's one list, as the API joins them. */
const workerEntities = [...platformEntities, ...identityEntities, ...programmesEntities, ...challengesEntities, ...tracksEntities, ...dialogueEntities];

/** The worker is the application without HTTP: the same core, the job loops instead of controllers. */
@Module({})
export class WorkerModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ config, databaseUrl, entities: workerEntities }), IdentityModule, ProgrammesModule, TracksModule, DialogueModule],
      providers: [OutboxPoller, ReminderDispatch, ScheduledJobs, { provide: DATABASE_URL, useValue: databaseUrl }],
    };
  }
}
