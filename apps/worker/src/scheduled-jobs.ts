import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdentityRetention } from '@samverka/identity';
import { PlatformRetention } from '@samverka/platform';
import PgBoss from 'pg-boss';

export const DATABASE_URL = Symbol('DATABASE_URL');

interface ScheduledJob {
  queue: string;
  /** Cron in the server's time zone (UTC). */
  cron: string;
  run(): Promise<Record<string, number>>;
}

/**
 * Jobs that run on a schedule, through pg-boss: its schedule and locks live in PostgreSQL,
 * so with several workers each job still runs once per tick.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ScheduledJobs');
  private readonly boss: PgBoss;
  private readonly jobs: ScheduledJob[];

  constructor(@Inject(DATABASE_URL) databaseUrl: string, identityRetention: IdentityRetention, platformRetention: PlatformRetention) {
    // The schema comes from a migration (1763950000000-job-queue), so pg-boss must not migrate it.
    this.boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', migrate: false, max: 4 });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    this.jobs = [
      {
        queue: 'retention',
        cron: '17 3 * * *',
        run: async () => ({ ...(await identityRetention.purge()), ...(await platformRetention.purge()) }),
      },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    for (const job of this.jobs) {
      await this.boss.createQueue(job.queue);
      await this.boss.schedule(job.queue, job.cron);
      await this.boss.work(job.queue, async () => {
        const removed = await job.run();
        this.logger.log({ job: job.queue, removed }, 'scheduled job done');
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
